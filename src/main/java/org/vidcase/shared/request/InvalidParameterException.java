package org.vidcase.shared.request;

import jakarta.ws.rs.BadRequestException;

/** A query or path parameter that cannot be read as its type: 400, naming the parameter. */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
