package be.mhealth.pyramid.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The open data's settings (prefix {@code registry.open-data}): the CSV export. */
@ConfigMapping(prefix = "registry.open-data")
public interface OpenDataConfig {

    Csv csv();

    interface Csv {
        /**
         * Apps read per query while the export streams: memory stays bounded by this, whatever the catalog's size,
         * and no transaction or connection is held while the client reads.
         */
        @WithDefault("500")
        int chunkSize();

        /**
         * Whether the export starts with a UTF-8 byte order mark when the request does not say ({@code bom}).
         * Spreadsheets opened by double click (Excel) read UTF-8 without one as a legacy code page.
         */
        @WithDefault("true")
        boolean bom();
    }
}
