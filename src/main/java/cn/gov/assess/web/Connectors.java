package cn.gov.assess.web;

import org.eclipse.jetty.io.ConnectionStatistics;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.nio.file.Path;

/** 网页服务监听的端口：普通 HTTP，或给了密钥库时用 Jetty 自己的 TLS 提供 HTTPS（只有 HTTPS，不另开 HTTP 端口）。 */
final class Connectors {
    private Connectors() {
    }

    static Connector connector(Server server, HttpConfiguration http, String host, int port, Path keystore, char[] password,
                               ConnectionStatistics traffic) {
        ServerConnector c;
        if (keystore == null) {
            c = new ServerConnector(server, new HttpConnectionFactory(http));
        } else {
            // 办公室里常用 IP 地址访问，浏览器不发 SNI：不按 SNI 核对主机名（证书本身仍由浏览器核对）
            http.addCustomizer(new SecureRequestCustomizer(false));
            http.setSecureScheme("https");
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(keystore.toAbsolutePath().toString());
            ssl.setKeyStorePassword(new String(password));
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        }
        c.setHost(host);
        c.setPort(port);
        c.addBean(traffic);
        return c;
    }
}
