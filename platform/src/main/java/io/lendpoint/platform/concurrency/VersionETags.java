package io.lendpoint.platform.concurrency;

import io.lendpoint.api.Versioned;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every read of one aggregate ({@link Versioned}) answers with its version as a strong {@code ETag}, e.g.
 * {@code "7"}; a frontend sends it back as {@code If-Match} with its next command (see {@link IfMatch}).
 */
@RestControllerAdvice
public class VersionETags implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return Versioned.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof Versioned versioned) {
            response.getHeaders().set(HttpHeaders.ETAG, IfMatch.etagOf(versioned.version()));
        }
        return body;
    }
}
