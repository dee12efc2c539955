#!/usr/bin/env node
// Converts the holiday data of the npm package `chinese-days` (MIT, https://github.com/vsme/chinese-days)
// into Lendpoint's plain-text working-day calendar (shared-api/src/main/resources/calendar/prc-working-days.txt).
//
// Usage (no dependencies, Node 18+):
//   cd /tmp && npm pack chinese-days && tar xzf chinese-days-*.tgz      # unpacks into /tmp/package
//   node tools/calendar/convert-chinese-days.js /tmp/package > shared-api/src/main/resources/calendar/prc-working-days.txt
//
// Optional second argument: the conversion date written in the header (default: today, UTC), so that a
// re-run on the same package version can reproduce the file byte for byte.
//
// It reads <package>/package.json (name, version) and <package>/dist/chinese-days.json
// ({"holidays": {"YYYY-MM-DD": "English,中文,N"}, "workdays": {...}, "inLieuDays": {...}}).
// `inLieuDays` is a subset of `holidays` (days off given in exchange for make-up working days) and is not needed.
// It refuses (exit 1) when the data contradicts itself, rather than writing a file that guesses.
'use strict';
const fs = require('fs');
const path = require('path');

function fail(message) {
  process.stderr.write(`convert-chinese-days: ${message}\n`);
  process.exit(1);
}

const pkgDir = process.argv[2];
if (!pkgDir) fail('usage: convert-chinese-days.js <unpacked chinese-days package dir> [YYYY-MM-DD]');
const convertedOn = process.argv[3] || new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(convertedOn)) fail(`conversion date must be YYYY-MM-DD, got ${convertedOn}`);

const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
if (pkg.name !== 'chinese-days') fail(`${pkgDir} holds package ${pkg.name}, not chinese-days`);
const data = JSON.parse(fs.readFileSync(path.join(pkgDir, 'dist', 'chinese-days.json'), 'utf8'));
if (!data.holidays || !data.workdays) fail('dist/chinese-days.json has no "holidays" or "workdays"');

function weekday(iso) {
  return new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday, 6 = Saturday
}

function parseName(iso, value) {
  // "National Day,国庆节,3": English name, Chinese name, statutory number of days (not used).
  const parts = String(value).split(',');
  if (parts.length < 2 || !parts[0].trim() || !parts[1].trim()) fail(`${iso}: unexpected name "${value}"`);
  return { en: parts[0].trim(), zh: parts[1].trim() };
}

const entries = [];
for (const [kind, map] of [['holiday', data.holidays], ['workday', data.workdays]]) {
  for (const [iso, value] of Object.entries(map)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) fail(`bad date ${iso}`);
    const name = parseName(iso, value);
    if (kind === 'workday') {
      const wd = weekday(iso);
      if (wd !== 0 && wd !== 6) fail(`make-up working day ${iso} is not a Saturday or Sunday`);
    }
    entries.push({ iso, kind, name });
  }
}
const both = Object.keys(data.holidays).filter((d) => Object.prototype.hasOwnProperty.call(data.workdays, d));
if (both.length) fail(`dates listed both as holiday and as workday: ${both.join(' ')}`);
entries.sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0));

// Only whole years the source covers: every year from the first to the last must have holidays in the data.
const years = [...new Set(entries.filter((e) => e.kind === 'holiday').map((e) => Number(e.iso.slice(0, 4))))].sort();
const first = years[0];
const last = years[years.length - 1];
for (let y = first; y <= last; y++) {
  if (!years.includes(y)) fail(`the data has no holidays for ${y}, between ${first} and ${last}`);
}
if (entries.some((e) => Number(e.iso.slice(0, 4)) < first || Number(e.iso.slice(0, 4)) > last)) {
  fail(`the data has make-up working days outside the years ${first}-${last} that have holidays`);
}

const out = [];
out.push(`# source: npm ${pkg.name} ${pkg.version} (MIT, https://github.com/vsme/chinese-days), dist/chinese-days.json, converted ${convertedOn}`);
out.push('# licence: MIT, see LICENSE-chinese-days.txt beside this file; how to regenerate or edit: README.md beside this file');
out.push('# The official PRC calendar (State Council notices): every Monday to Friday is a working day unless listed as');
out.push('# "holiday"; a Saturday or Sunday is a working day only if listed as "workday" (调休, make-up working day).');
out.push('# Line format: YYYY-MM-DD holiday|workday NAME   (NAME is free text); "#" starts a comment line.');
out.push('# "covers FROM UNTIL" (whole years, inclusive): the range this data is authoritative for; outside it the');
out.push('# calendar refuses to compute.');
out.push(`covers ${first}-01-01 ${last}-12-31`);
let year = null;
for (const e of entries) {
  const y = e.iso.slice(0, 4);
  if (y !== year) {
    out.push('');
    out.push(`# ${y}`);
    year = y;
  }
  const name = e.kind === 'holiday' ? `${e.name.zh} ${e.name.en}` : `${e.name.zh}调休 ${e.name.en} make-up working day`;
  out.push(`${e.iso} ${e.kind} ${name}`);
}
process.stdout.write(out.join('\n') + '\n');
process.stderr.write(`convert-chinese-days: ${pkg.name} ${pkg.version}: ${entries.length} entries, covers ${first}-01-01 ${last}-12-31\n`);
