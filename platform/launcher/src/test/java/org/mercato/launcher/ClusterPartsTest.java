package org.mercato.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pieces of cluster mode that need no running cluster: the gateway template (filled in, and accepted by the real
 * NGINX that {@code ./mercato test} installs), the replica setting, the brokers' configuration, the state file.
 * The cluster itself runs in ClusterFailoverIT (system-tests).
 */
class ClusterPartsTest {

    private static Map<String, String> upstreams(String servers) {
        Map<String, String> upstreams = new LinkedHashMap<>();
        for (String service : List.of("USERS", "CATALOG", "INVENTORY", "ORDERS", "CART", "PAYMENTS", "NOTIFICATIONS",
                "FULFILLMENT", "ANALYTICS", "ADMIN", "STOREFRONT")) {
            upstreams.put(service, servers);
        }
        return upstreams;
    }

    private static Map<String, String> rates() {
        return ClusterCommand.gatewayLimits(Map.of());
    }

    @Test
    void theGatewayTemplateIsFilledInAndNginxAcceptsIt(@TempDir Path prefix) throws Exception {
        Map<String, String> values = Gateway.values(prefix, 18080, 18081,
                upstreams(Gateway.upstreamServers(List.of(9001, 9002), Set.of(9002))), rates());
        String conf = Gateway.render(Gateway.template(), values);
        assertFalse(java.util.regex.Pattern.compile("\\$\\{MERCATO_[A-Z0-9_]+}").matcher(conf).find(),
                "every placeholder is filled in");
        assertTrue(conf.contains("server 127.0.0.1:9001 max_fails=1 fail_timeout=10s;"));
        assertTrue(conf.contains("server 127.0.0.1:9002 max_fails=1 fail_timeout=10s down;"),
                "an instance starting again is out of rotation");
        assertTrue(conf.contains("$request_uri"), "NGINX's own variables are left alone");

        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("temp"));
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        Process check = new ProcessBuilder(Gateway.executable(), "-p", prefix + "/", "-c", file.toString(), "-e",
                prefix.resolve("logs/error.log").toString(), "-t").redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), "nginx -t (Debian's nginx-light; ./mercato test installs it):\n" + said);
    }

    /**
     * The gateway's cache of the storefront's assets works in a folder only its owner may enter (a clone under
     * /root, a mktemp folder): as root, NGINX's workers would otherwise be nobody and answer 500 for every asset.
     */
    @Test
    void theGatewayServesAndCachesAssetsFromAFolderOnlyItsOwnerMayEnter(@TempDir Path directory) throws Exception {
        Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        com.sun.net.httpserver.HttpServer storefront = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] asset = "console.log('mercato');".getBytes(StandardCharsets.UTF_8);
        storefront.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/javascript");
            exchange.sendResponseHeaders(200, asset.length);
            exchange.getResponseBody().write(asset);
            exchange.close();
        });
        storefront.start();
        int port = Ports.free();
        int internalPort = Ports.free();
        Path prefix = directory.resolve("gateway");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        try (Gateway gateway = Gateway.start(prefix, Gateway.values(prefix, port, internalPort,
                upstreams(Gateway.upstreamServers(List.of(storefront.getAddress().getPort()), Set.of())), rates()))) {
            java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + port + "/assets/index-abc123.js");
            java.net.http.HttpResponse<String> first = null;
            for (int attempt = 0; attempt < 100 && first == null; attempt++) {
                try {
                    first = client.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (java.net.ConnectException notYet) {
                    Thread.sleep(100);
                }
            }
            assertTrue(first != null, "the gateway listens");
            assertEquals(200, first.statusCode(), first.body());
            assertEquals("console.log('mercato');", first.body());
            java.net.http.HttpResponse<String> second = client.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, second.statusCode(), second.body());
            assertEquals("HIT", second.headers().firstValue("X-Cache-Status").orElse(""), "kept in the cache");
        } finally {
            storefront.stop(0);
        }
    }

    @Test
    void payarasLogIsTextWithoutColourCodesOrJsonLinesAsAsked() throws IOException {
        String text = PayaraProcess.loggingProperties(null);
        assertTrue(text.contains("ConsoleHandler.formatter=com.sun.enterprise.server.logging.ODLLogFormatter"), text);
        assertTrue(text.contains("ODLLogFormatter.ansiColor=false"), text);
        assertEquals(text, PayaraProcess.loggingProperties(" TEXT "));
        String json = PayaraProcess.loggingProperties("json");
        assertTrue(json.contains("ConsoleHandler.formatter=fish.payara.enterprise.server.logging.JSONLogFormatter"));
        // the images read the same files
        assertEquals(Files.readString(Path.of("../../docker/payara/logging-json.properties")), json);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PayaraProcess.loggingProperties("xml"));
        assertTrue(refused.getMessage().contains("MERCATO_LOG_FORMAT must be text or json"));
    }

    @Test
    void aPlaceholderWithoutAValueIsNamed() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Gateway.render("listen ${MERCATO_GATEWAY_PORT}; x ${MERCATO_NOPE};", Map.of(
                        "MERCATO_GATEWAY_PORT", "1")));
        assertTrue(refused.getMessage().contains("MERCATO_NOPE"));
        assertEquals("a $b ${lower} 7", Gateway.render("a $b ${lower} ${MERCATO_X}", Map.of("MERCATO_X", "7")));
    }

    @Test
    void replicasAreReadAndCheckedPerService() {
        assertEquals(Map.of("catalog", 2, "cart", 3), ClusterPlatform.parseReplicas("catalog=2, cart=3", Service.ALL));
        assertEquals(Map.of("storefront", 2), ClusterPlatform.parseReplicas("storefront=2,", Service.ALL));
        for (String bad : List.of("catalogue=2", "catalog=0", "catalog=9", "catalog=two", "catalog")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ClusterPlatform.parseReplicas(bad, Service.ALL), bad);
            assertTrue(refused.getMessage().startsWith("MERCATO_CLUSTER_REPLICAS"), refused.getMessage());
        }
    }

    @Test
    void eachBrokerOfThePairKnowsItsRoleItsPeerAndEveryTopicsDeadLetters(@TempDir Path directory)
            throws Exception {
        ArtemisPair.Broker primary = new ArtemisPair.Broker("artemis-primary", false, directory.resolve("p"), 61001);
        ArtemisPair.Broker backup = new ArtemisPair.Broker("artemis-backup", true, directory.resolve("b"), 61002);
        String primaryXml = ArtemisPair.brokerXml(primary, backup, "cluster-secret");
        String backupXml = ArtemisPair.brokerXml(backup, primary, "cluster-secret");
        assertTrue(primaryXml.contains("<acceptor name=\"core\">tcp://127.0.0.1:61001?protocols=CORE</acceptor>"));
        assertTrue(primaryXml.contains("<connector name=\"peer\">tcp://127.0.0.1:61002</connector>"));
        assertTrue(primaryXml.contains("<primary><check-for-active-server>true</check-for-active-server>"));
        assertTrue(backupXml.contains("<backup><allow-failback>true</allow-failback></backup>"));
        for (String topic : org.mercato.messaging.Topics.all()) {
            assertTrue(primaryXml.contains("<address name=\"" + topic + "\"><multicast/></address>"), topic);
            assertTrue(primaryXml.contains("<queue name=\"DLQ." + topic + "\"><filter string=\"_AMQ_ORIG_ADDRESS = '"
                    + topic + "'\"/></queue>"), topic);
        }
        // well-formed XML, as the broker will parse it
        assertEquals("configuration", javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(primaryXml.strip().getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement().getTagName());
    }

    @Test
    void theStateFileIsWrittenWholeAndReadBack(@TempDir Path directory) throws IOException {
        ClusterState state = new ClusterState(directory);
        state.set("phase", "ready").set("supervisor.pid", "42");
        state.put(new ClusterState.Entry("cart-1", "payara", 43, "http://127.0.0.1:1/cart/",
                "http://127.0.0.1:1/health/ready", "/tmp/x.log", 1, 13));
        state.put(new ClusterState.Entry("gateway", "nginx", 44, "http://localhost:8080/", "tcp:8080", "", 0, 0));
        state.save();
        ClusterState read = ClusterState.read(directory).orElseThrow();
        assertEquals("ready", read.phase());
        assertEquals(42, read.supervisorPid());
        assertEquals(state.processes(), read.processes());
        assertTrue(ClusterState.read(directory.resolve("none")).isEmpty());
        assertFalse(Files.exists(directory.resolve(ClusterState.FILE + ".new")), "no half-written file is left");
    }

    @Test
    void aHealthIsACheckOfItsKind() {
        assertTrue(ClusterCommand.healthy("running"));
        assertFalse(ClusterCommand.healthy(""));
        assertFalse(ClusterCommand.healthy("tcp:" + Ports.free()), "nothing listens on a free port");
        assertEquals(-1, ClusterCommand.httpStatus("http://127.0.0.1:" + Ports.free() + "/"));
    }

    @Test
    void everyPayaraRunsThePrebootFileOfTheImagesAndOnlyTheShopMovesPayarasOpenApiAside() throws IOException {
        String file = Files.readString(Path.of("../../docker/payara/preboot.asadmin"));
        Service catalog = Service.ALL.stream().filter(s -> s.contextRoot().equals("/catalog")).findFirst()
                .orElseThrow();
        Service shop = Service.ALL.stream().filter(s -> s.contextRoot().equals("/")).findFirst().orElseThrow();
        String catalogCommands = PayaraProcess.preBootCommands(new PayaraProcess.Instance("catalog-1", 1, List.of(
                catalog), List.of()));
        assertEquals(file.strip(), catalogCommands.strip(), "the launcher runs the images' file, as it is");
        assertTrue(catalogCommands.contains("http.compression=on"));
        String shopCommands = PayaraProcess.preBootCommands(new PayaraProcess.Instance("storefront-1", 1, List.of(
                shop), List.of()));
        assertTrue(shopCommands.startsWith(catalogCommands), shopCommands);
        assertTrue(shopCommands.lines().anyMatch(line -> line.startsWith("set-openapi-configuration --enabled=false")),
                "its own line, not glued to the file's last command: " + shopCommands);
    }

    @Test
    void thePostBootFilesCreateTheResourcesOfTheInstancesServicesAfterDeployingTheResourceAdapter() throws IOException {
        Service catalog = Service.ALL.stream().filter(s -> s.contextRoot().equals("/catalog")).findFirst()
                .orElseThrow();
        Service cart = Service.ALL.stream().filter(s -> s.contextRoot().equals("/cart")).findFirst().orElseThrow();
        String commands = PayaraProcess.postBootCommands(
                new PayaraProcess.Instance("catalog-1", 1, List.of(catalog, cart), List.of()), Path.of("/opt/ra.rar"));
        List<String> lines = commands.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertEquals("deploy --name=artemis-ra --type=rar /opt/ra.rar", lines.get(0), "the adapter before its pools");
        assertTrue(commands.contains(Files.readString(Path.of("../../docker/payara/postboot/jms.asadmin"))));
        assertTrue(commands.contains(Files.readString(Path.of("../../docker/payara/postboot/catalog.asadmin"))));
        assertTrue(lines.contains("create-jdbc-resource --connectionpoolid=mercato-catalog-pool jdbc/mercato-catalog"));
        assertEquals(1, lines.stream().filter(line -> line.startsWith("create-jdbc-resource")).count(),
                "the cart has no database: " + commands);
        String persistence = Files.readString(Path.of("../../catalog-war/src/main/resources/META-INF/persistence.xml"));
        assertTrue(persistence.contains("<jta-data-source>jdbc/mercato-catalog</jta-data-source>"), persistence);
        assertEquals("", PayaraProcess.postBootCommands(new PayaraProcess.Instance("seed", 1, List.of(), List.of()),
                Path.of("/opt/ra.rar")), "a Payara without applications deploys nothing");
        assertThrows(IllegalArgumentException.class, () -> PayaraProcess.postBootCommands(
                new PayaraProcess.Instance("catalog-1", 1, List.of(catalog), List.of()), Path.of("/my shop/ra.rar")));
    }
}
