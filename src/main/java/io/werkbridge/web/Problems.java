package io.werkbridge.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details with a Werkbridge problem type. Details name what is wrong, never request values. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:werkbridge:problem:" + type));
        problem.setTitle(title);
        return problem;
    }
}
