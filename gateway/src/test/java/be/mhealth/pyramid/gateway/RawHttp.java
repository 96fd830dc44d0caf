package be.mhealth.pyramid.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** HTTP/1.1 on a plain socket, for what REST Assured cannot do: choose the local address, keep one connection. */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code count} GETs one after the other on one keep-alive connection from {@code local}; the statuses. */
    static List<Integer> gets(URL gateway, String local, String path, String extraHeaders, int count)
            throws IOException {
        List<Integer> statuses = new ArrayList<>();
        try (Socket socket = new Socket(InetAddress.getByName(gateway.getHost()), gateway.getPort(),
                InetAddress.getByName(local), 0)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < count; i++) {
                out.write(request);
                out.flush();
                statuses.add(readResponse(in));
            }
        }
        return statuses;
    }

    /** Reads one response with a Content-Length body; its status. */
    static int readResponse(InputStream in) throws IOException {
        String head = readHead(in);
        int status = Integer.parseInt(head.substring(9, 12));
        long length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        in.readNBytes((int) length);
        return status;
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes: " + head);
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
