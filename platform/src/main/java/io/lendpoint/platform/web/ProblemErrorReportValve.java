package io.lendpoint.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's last word, for the requests it refuses before they reach the application (an encoded {@code /} or a NUL
 * byte in the path, a malformed request line): an RFC 9457 problem in Chinese and English instead of Tomcat's HTML
 * error page. Whatever the application answered itself is left alone. Found by issue 8's {@code HostileInputTest}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = status == 400 ? "request.malformed" : "request.refused";
        String body = """
                {"type":"%s%s","title":"%s","status":%d,"detail":"%s","code":"%s"}"""
                .formatted(ProblemResponses.TYPE_PREFIX, code, status == 400 ? "请求无效 Bad Request" : "请求被拒绝 Refused",
                        status, "服务器无法处理此请求（路径或请求头格式错误）。The server cannot process this request "
                                + "(malformed path or header).", code);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the connection is gone or the response committed: nothing more can be said
        }
    }
}
