package be.mhealth.pyramid.support.paging;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import be.mhealth.pyramid.support.web.QueryParams;

/**
 * The {@code page} and {@code size} query parameters of every list ({@code @BeanParam PageParams paging}). They
 * arrive as text and {@link #request()} parses them, so that anything unparseable or out of range is a 400
 * problem+json naming the parameter (a failed conversion of a typed parameter would be a bare 404).
 */
public class PageParams {

    @QueryParam("page")
    @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
            defaultValue = "0"))
    public String page;

    @QueryParam("size")
    @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
            maximum = "100", defaultValue = "20"))
    public String size;

    public PageParams() {
    }

    public PageParams(String page, String size) {
        this.page = page;
        this.size = size;
    }

    /** The page asked for; 400 naming {@code page} or {@code size} when either is not a valid number. */
    public PageRequest request() {
        return QueryParams.page(page, size);
    }
}
