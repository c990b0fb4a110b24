package io.financehub.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.convert.DurationStyle;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.financehub.deployment.YamlFiles.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Offline validation of k8s/ (no cluster where the project is built): every manifest the kustomization lists is read
 * into fabric8's typed Kubernetes model with no unknown field allowed ({@link StrictKubernetesReader}), then checked
 * for what the cluster would accept but operations would regret — too few replicas, a grace period shorter than the
 * shutdown, a writable root filesystem, a probe on a path the hub does not serve, an undocumented variable, a moving
 * image tag, a broker any pod may reach.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final String HUB = "finance-integration-hub";

    static {
        // -Dk8s.regenerate=true rewrites the generated ConfigMaps before anything reads them
        if (Boolean.getBoolean(FolderConfigMap.REGENERATE_PROPERTY)) {
            FolderConfigMap.ALL.forEach(FolderConfigMap::write);
        }
    }

    private final StrictKubernetesReader reader = new StrictKubernetesReader();
    private final List<HasMetadata> manifests = listedResources().stream()
            .flatMap(file -> reader.readAll(existing(K8S.resolve(file))).stream()).toList();
    private final Deployment hub = one(Deployment.class, HUB);
    private final Container hubContainer = hub.getSpec().getTemplate().getSpec().getContainers().get(0);
    private final Map<String, Object> application = YamlFiles.loadAll(Path.of("src/main/resources/application.yaml")).get(0);

    @Test
    void theKustomizationListsEveryManifestButTheExamples() throws IOException {
        Set<String> inFolder = new TreeSet<>();
        try (Stream<Path> files = Files.list(K8S)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml")).forEach(inFolder::add);
        }
        Set<String> examples = new TreeSet<>(inFolder.stream().filter(f -> f.endsWith(".example.yaml")).toList());
        Set<String> expected = new TreeSet<>(inFolder);
        expected.removeAll(examples);

        assertThat(examples).containsExactly("secret.example.yaml");
        assertThat(listedResources()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        Map<String, Object> kustomization = YamlFiles.load(K8S.resolve("kustomization.yaml"));
        assertThat(kustomization).containsEntry("apiVersion", "kustomize.config.k8s.io/v1beta1")
                .containsEntry("kind", "Kustomization");
        assertThat(kustomization.keySet()).isSubsetOf("apiVersion", "kind", "resources", "namespace", "labels",
                "commonAnnotations", "images", "configMapGenerator", "secretGenerator", "generatorOptions", "patches",
                "replicas", "namePrefix", "nameSuffix", "components");
        // the example is still a valid Secret: it documents the keys the manifests reference
        assertThat(reader.readAll(K8S.resolve("secret.example.yaml"))).singleElement().isInstanceOf(Secret.class);
    }

    @Test
    void everyKindTheOperatorsExpectIsThere() {
        assertThat(manifests).extracting(HasMetadata::getKind).contains("Deployment", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "Service", "NetworkPolicy", "StatefulSet", "ConfigMap", "ServiceMonitor",
                "PrometheusRule");
        assertThat(one(PrometheusRule.class, HUB).getSpec().getGroups()).extracting(g -> g.getName()).contains(HUB);
    }

    @Test
    void theStrictReaderRefusesMisspeltFieldsAtAnyDepthAndWrongTypes() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: x}}
                  template:
                    metadata: {labels: {app: x}}
                    spec:
                      containers:
                        - name: x
                          image: x:1.0
                          imagePullPolicy: IfNotPresent
                """;
        assertThat(reader.read(deployment)).isInstanceOf(Deployment.class);

        assertThatThrownBy(() -> reader.read(deployment.replace("imagePullPolicy", "imagePullPolcy")))
                .hasMessageContaining("imagePullPolcy").hasMessageContaining("containers");
        assertThatThrownBy(() -> reader.read(deployment.replace("replicas: 2", "replica: 2")))
                .hasMessageContaining("replica");
        assertThatThrownBy(() -> reader.read(deployment.replace("replicas: 2", "replicas: \"2\"")))
                .hasMessageContaining("replicas");
        assertThatThrownBy(() -> reader.read(deployment.replace("apps/v1", "apps/v1beta1")))
                .hasMessageContaining("apps/v1beta1 Deployment");
        assertThatThrownBy(() -> reader.read("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: x}
                data: {HUB_WEBHOOK_MAX_BYTES: 1048576}
                """)).hasMessageContaining("HUB_WEBHOOK_MAX_BYTES");
        assertThatThrownBy(() -> reader.read("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {app: x}}
                  endpoints:
                    - port: http
                      bearerTokenFlie: /var/run/token
                """)).hasMessageContaining("bearerTokenFlie");
        assertThatThrownBy(() -> reader.read("""
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                metadata: {name: y}
                """)).hasMessageContaining("metadata");
    }

    @Test
    void theHubRunsAtLeastTwoReplicasAndTheAutoscalerAndDisruptionBudgetKeepTwo() {
        assertThat(hub.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        HorizontalPodAutoscaler hpa = one(HorizontalPodAutoscaler.class, HUB);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(HUB);
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
        // the CPU target is a share of the request, so the container must request CPU
        assertThat(hubContainer.getResources().getRequests()).containsKey("cpu");

        PodDisruptionBudget pdb = one(PodDisruptionBudget.class, HUB);
        assertThat(selects(pdb.getSpec().getSelector(), hub.getSpec().getTemplate())).isTrue();
        // a budget that forbids every eviction at the autoscaler's floor blocks node drains
        IntOrString minAvailable = pdb.getSpec().getMinAvailable();
        IntOrString maxUnavailable = pdb.getSpec().getMaxUnavailable();
        assertThat(maxUnavailable != null && maxUnavailable.getIntVal() != null && maxUnavailable.getIntVal() >= 1
                || minAvailable != null && minAvailable.getIntVal() != null
                && minAvailable.getIntVal() < hpa.getSpec().getMinReplicas()).as("drains possible at minReplicas").isTrue();
    }

    @Test
    void theGracePeriodOutlastsThePreStopPauseAndTheShutdownTimeouts() {
        long preStop = hubContainer.getLifecycle().getPreStop().getSleep().getSeconds();
        long camel = ((Number) map(map(application, "camel"), "main").get("shutdown-timeout")).longValue();
        long springPhase = DurationStyle.detectAndParse(
                (String) map(map(application, "spring"), "lifecycle").get("timeout-per-shutdown-phase")).toSeconds();
        long drain = DurationStyle.detectAndParse(
                (String) map(map(application, "hub"), "shutdown").get("drain-delay")).toSeconds();
        long grace = hub.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();

        assertThat(preStop).isPositive();
        assertThat(grace).as("grace %d s against preStop %d s + readiness drain %d s + Spring's phase %d s + Camel's "
                        + "shutdown %d s", grace, preStop, drain, springPhase, camel)
                .isGreaterThanOrEqualTo(preStop + drain + springPhase + camel + 10);
    }

    @Test
    void everyContainerIsHardened() {
        for (PodTemplateSpec template : podTemplates()) {
            PodSecurityContext pod = template.getSpec().getSecurityContext();
            for (Container container : containers(template)) {
                SecurityContext own = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
                String who = template.getMetadata().getLabels() + " " + container.getName();
                assertThat(firstNonNull(own.getRunAsNonRoot(), pod == null ? null : pod.getRunAsNonRoot()))
                        .as(who + " runAsNonRoot").isTrue();
                assertThat(own.getReadOnlyRootFilesystem()).as(who + " readOnlyRootFilesystem").isTrue();
                assertThat(own.getAllowPrivilegeEscalation()).as(who + " allowPrivilegeEscalation").isFalse();
                assertThat(own.getCapabilities().getDrop()).as(who + " capabilities dropped").containsExactly("ALL");
                assertThat(own.getCapabilities().getAdd()).as(who + " capabilities added").isNullOrEmpty();
                assertThat(own.getPrivileged()).as(who + " privileged").isNotEqualTo(Boolean.TRUE);
                String seccomp = own.getSeccompProfile() != null ? own.getSeccompProfile().getType()
                        : pod == null || pod.getSeccompProfile() == null ? null : pod.getSeccompProfile().getType();
                assertThat(seccomp).as(who + " seccompProfile").isEqualTo("RuntimeDefault");
                assertThat(ComposeFileTest.pinned(container.getImage())).as(who + " image " + container.getImage()
                        + " pinned to a version tag").isTrue();
                assertThat(container.getResources().getLimits()).as(who + " memory limit").containsKey("memory");
                assertThat(container.getResources().getRequests()).as(who + " memory request").containsKey("memory");
            }
        }
        assertThat(podTemplates()).hasSize(2);
    }

    @Test
    void theProbesHitTheHubsHealthGroupsOnItsPort() {
        Map<String, Object> health = map(map(map(application, "management"), "endpoint"), "health");
        assertThat(map(health, "probes")).containsEntry("enabled", true);
        assertThat(map(health, "group")).containsKeys("liveness", "readiness");
        String base = (String) map(map(map(application, "management"), "endpoints"), "web")
                .getOrDefault("base-path", "/actuator");

        assertThat(httpGet(hubContainer.getLivenessProbe()).getPath()).isEqualTo(base + "/health/liveness");
        assertThat(httpGet(hubContainer.getReadinessProbe()).getPath()).isEqualTo(base + "/health/readiness");
        // the start is judged by liveness alone: readiness also needs the database, which a start must not wait on
        assertThat(httpGet(hubContainer.getStartupProbe()).getPath()).isEqualTo(base + "/health/liveness");
        int budget = hubContainer.getStartupProbe().getPeriodSeconds() * hubContainer.getStartupProbe().getFailureThreshold();
        assertThat(budget).as("startup budget, seconds (8.35 s measured on 2 idle cores)").isBetween(60, 300);

        String serverPort = ((String) map(application, "server").get("port")).replaceAll("\\$\\{SERVER_PORT:(\\d+)}", "$1");
        for (Probe probe : List.of(hubContainer.getLivenessProbe(), hubContainer.getReadinessProbe(),
                hubContainer.getStartupProbe())) {
            assertThat(containerPort(hubContainer, httpGet(probe).getPort())).isEqualTo(Integer.parseInt(serverPort));
        }
        assertThat(hubConfig().getData()).doesNotContainKey("SERVER_PORT");
    }

    @Test
    void everyVariableTheHubIsGivenIsDocumented() {
        DocumentedSettings settings = DocumentedSettings.load();
        Secret example = exampleSecret();
        List<String> problems = new ArrayList<>();
        problems.addAll(settings.problems("hub container env", hubContainer.getEnv().stream().map(EnvVar::getName).toList()));
        for (EnvFromSource source : hubContainer.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                ConfigMap config = one(ConfigMap.class, source.getConfigMapRef().getName());
                problems.addAll(settings.problems("ConfigMap " + config.getMetadata().getName(), config.getData().keySet()));
            }
            if (source.getSecretRef() != null) {
                assertThat(source.getSecretRef().getName()).isEqualTo(example.getMetadata().getName());
                problems.addAll(settings.problems("Secret " + example.getMetadata().getName(),
                        example.getStringData().keySet()));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(hubContainer.getEnvFrom()).hasSize(2);
    }

    @Test
    void everySecretKeyTheManifestsReadIsInTheExampleSecret() {
        Secret example = exampleSecret();
        List<SecretKeySelector> references = new ArrayList<>();
        for (PodTemplateSpec template : podTemplates()) {
            for (Container container : containers(template)) {
                for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        references.add(env.getValueFrom().getSecretKeyRef());
                    }
                }
            }
        }
        for (Endpoint endpoint : one(ServiceMonitor.class, HUB).getSpec().getEndpoints()) {
            references.add(endpoint.getBasicAuth().getUsername());
            references.add(endpoint.getBasicAuth().getPassword());
        }
        assertThat(references).hasSizeGreaterThanOrEqualTo(4).allSatisfy(ref -> {
            assertThat(ref.getName()).isEqualTo(example.getMetadata().getName());
            assertThat(example.getStringData()).containsKey(ref.getKey());
        });
    }

    @Test
    void onlyTheIngressControllerAndPrometheusReachTheHubAndOnlyTheHubReachesTheBroker() {
        StatefulSet broker = one(StatefulSet.class, "artemis");
        NetworkPolicy hubPolicy = policySelecting(hub.getSpec().getTemplate());
        NetworkPolicy brokerPolicy = policySelecting(broker.getSpec().getTemplate());

        assertThat(hubPolicy.getSpec().getPolicyTypes()).contains("Ingress");
        Set<String> namespaces = new HashSet<>();
        for (NetworkPolicyIngressRule rule : hubPolicy.getSpec().getIngress()) {
            assertThat(rule.getPorts()).isNotEmpty().allSatisfy(p -> assertThat(port(p, hubContainer)).isEqualTo(8080));
            assertThat(rule.getFrom()).as("a rule without sources admits everyone").isNotEmpty();
            for (NetworkPolicyPeer peer : rule.getFrom()) {
                assertThat(peer.getIpBlock()).isNull();
                assertThat(peer.getPodSelector()).isNull();
                namespaces.add(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
            }
        }
        assertThat(namespaces).containsExactlyInAnyOrder("ingress-nginx", "monitoring");

        Container brokerContainer = broker.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(brokerPolicy.getSpec().getPolicyTypes()).contains("Ingress");
        assertThat(brokerPolicy.getSpec().getIngress()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.getPorts()).isNotEmpty()
                    .allSatisfy(p -> assertThat(port(p, brokerContainer)).isEqualTo(61616));
            assertThat(rule.getFrom()).isNotEmpty().allSatisfy(peer -> {
                assertThat(peer.getNamespaceSelector()).isNull();
                assertThat(peer.getIpBlock()).isNull();
                assertThat(selects(peer.getPodSelector(), hub.getSpec().getTemplate())).isTrue();
            });
        });
    }

    @Test
    void theBrokerKeepsItsJournalOnAPersistentVolumeBehindTheServiceTheHubUses() {
        StatefulSet broker = one(StatefulSet.class, "artemis");
        Container container = broker.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(broker.getSpec().getVolumeClaimTemplates()).singleElement().satisfies(claim -> {
            assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
            assertThat(container.getVolumeMounts()).anySatisfy(m -> {
                assertThat(m.getName()).isEqualTo(claim.getMetadata().getName());
                // the journal only: the instance (and so its configuration) is created anew at every start
                assertThat(m.getMountPath()).isEqualTo("/var/lib/artemis-instance/data");
            });
        });
        Service service = one(Service.class, broker.getSpec().getServiceName());
        assertThat(service.getSpec().getSelector()).containsAllEntriesOf(broker.getSpec().getTemplate().getMetadata().getLabels());

        URI brokerUrl = URI.create(hubConfig().getData().get("HUB_BROKER_URL"));
        assertThat(brokerUrl.getHost()).isEqualTo(service.getMetadata().getName());
        assertThat(service.getSpec().getPorts()).anySatisfy(p -> assertThat(p.getPort()).isEqualTo(brokerUrl.getPort()));
        assertThat(container.getPorts()).anySatisfy(p -> assertThat(p.getContainerPort()).isEqualTo(brokerUrl.getPort()));
    }

    @Test
    void postgresIsAnExternalServiceUnderTheNameTheDataSourceUses() {
        URI jdbc = URI.create(hubConfig().getData().get("SPRING_DATASOURCE_URL").substring("jdbc:".length()));
        Service postgres = one(Service.class, jdbc.getHost());
        assertThat(postgres.getSpec().getType()).isEqualTo("ExternalName");
        assertThat(postgres.getSpec().getExternalName()).isNotBlank();
    }

    @Test
    void theServiceMonitorScrapesThePrometheusEndpointWithTheMetricsAccount() {
        Service service = one(Service.class, HUB);
        assertThat(service.getSpec().getSelector()).containsAllEntriesOf(hub.getSpec().getTemplate().getMetadata().getLabels());
        ServiceMonitor monitor = one(ServiceMonitor.class, HUB);
        assertThat(monitor.getSpec().getSelector().getMatchLabels()).isNotEmpty();
        assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
        // Prometheus' job label is the value of this label on the Service: the name the alert rules use
        assertThat(service.getMetadata().getLabels().get(monitor.getSpec().getJobLabel())).isEqualTo(HUB);
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
            assertThat(service.getSpec().getPorts()).anySatisfy(p -> assertThat(p.getName()).isEqualTo(endpoint.getPort()));
            assertThat(endpoint.getBasicAuth().getUsername().getKey()).isEqualTo("HUB_METRICS_USERNAME");
            assertThat(endpoint.getBasicAuth().getPassword().getKey()).isEqualTo("HUB_METRICS_PASSWORD");
        });
    }

    @Test
    void theGeneratedConfigMapsEqualTheirFoldersAndAreMountedWhereTheyAreRead() {
        for (FolderConfigMap generated : FolderConfigMap.ALL) {
            assertThat(Files.exists(generated.manifest()))
                    .as(generated.manifest() + " is missing: generate it with " + FolderConfigMap.regenerateCommand())
                    .isTrue();
            assertThat(generated.committedData())
                    .as(generated.manifest() + " differs from " + generated.source() + "/" + generated.glob()
                            + ": regenerate it with " + FolderConfigMap.regenerateCommand())
                    .isEqualTo(generated.files());
            assertThat(one(ConfigMap.class, generated.name()).getData()).isEqualTo(generated.files());
        }
        assertThat(FolderConfigMap.ALL.get(0).files()).hasSizeGreaterThan(10);

        String routesDir = hubContainer.getEnv().stream().filter(e -> e.getName().equals("HUB_ROUTES_DIR"))
                .map(EnvVar::getValue).findFirst().orElseThrow();
        assertThat(mountOf(hub.getSpec().getTemplate(), hubContainer, "hub-routes").getMountPath()).isEqualTo(routesDir);
        StatefulSet broker = one(StatefulSet.class, "artemis");
        assertThat(mountOf(broker.getSpec().getTemplate(), broker.getSpec().getTemplate().getSpec().getContainers().get(0),
                "artemis-config").getMountPath()).isEqualTo("/var/lib/artemis-instance/etc-override");
    }

    /**
     * A ConfigMap volume holds each key as a symbolic link to a hidden, timestamped folder ({@code ..data} and
     * {@code ..2026_...}); the hub reads {@code HUB_ROUTES_DIR/*.yaml}, which must find each route file once.
     */
    @Test
    void theRoutesPatternFindsEachFileOfAConfigMapVolumeOnce(@TempDir Path volume) throws Exception {
        Path timestamped = Files.createDirectory(volume.resolve("..2026_01_01_00_00_00.000000001"));
        Set<String> names = FolderConfigMap.ALL.get(0).files().keySet();
        for (String name : names) {
            Files.writeString(timestamped.resolve(name), "- route: {}\n");
        }
        Files.createSymbolicLink(volume.resolve("..data"), timestamped.getFileName());
        for (String name : names) {
            Files.createSymbolicLink(volume.resolve(name), Path.of("..data", name));
        }

        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Collection<Resource> found = PluginHelper.getPackageScanResourceResolver(camel)
                    .findResources("file:" + volume.toAbsolutePath() + "/*.yaml");
            assertThat(found).extracting(r -> Path.of(r.getLocation().replaceFirst("^file:", "")).getFileName().toString())
                    .containsExactlyInAnyOrderElementsOf(names);
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static List<String> listedResources() {
        return YamlFiles.list(YamlFiles.load(K8S.resolve("kustomization.yaml")), "resources").stream()
                .map(String::valueOf).toList();
    }

    private static Path existing(Path manifest) {
        if (!Files.exists(manifest)) {
            boolean generated = FolderConfigMap.ALL.stream().anyMatch(g -> g.manifest().equals(manifest));
            throw new AssertionError(manifest + " is listed in kustomization.yaml but missing"
                    + (generated ? ": generate it with " + FolderConfigMap.regenerateCommand() : ""));
        }
        return manifest;
    }

    private <T extends HasMetadata> T one(Class<T> type, String name) {
        List<T> found = manifests.stream().filter(type::isInstance).map(type::cast)
                .filter(m -> name.equals(m.getMetadata().getName())).toList();
        assertThat(found).as("%s %s in the kustomization", type.getSimpleName(), name).hasSize(1);
        return found.get(0);
    }

    private ConfigMap hubConfig() {
        return one(ConfigMap.class, hubContainer.getEnvFrom().stream().map(EnvFromSource::getConfigMapRef)
                .filter(Objects::nonNull).findFirst().orElseThrow().getName());
    }

    private Secret exampleSecret() {
        return (Secret) reader.readAll(K8S.resolve("secret.example.yaml")).get(0);
    }

    private List<PodTemplateSpec> podTemplates() {
        List<PodTemplateSpec> templates = new ArrayList<>();
        manifests.stream().filter(Deployment.class::isInstance).map(d -> ((Deployment) d).getSpec().getTemplate())
                .forEach(templates::add);
        manifests.stream().filter(StatefulSet.class::isInstance).map(s -> ((StatefulSet) s).getSpec().getTemplate())
                .forEach(templates::add);
        return templates;
    }

    private static List<Container> containers(PodTemplateSpec template) {
        List<Container> all = new ArrayList<>(template.getSpec().getContainers());
        all.addAll(Optional.ofNullable(template.getSpec().getInitContainers()).orElse(List.of()));
        return all;
    }

    private NetworkPolicy policySelecting(PodTemplateSpec template) {
        List<NetworkPolicy> policies = manifests.stream().filter(NetworkPolicy.class::isInstance)
                .map(NetworkPolicy.class::cast).filter(p -> selects(p.getSpec().getPodSelector(), template)).toList();
        assertThat(policies).as("NetworkPolicies selecting %s", template.getMetadata().getLabels()).hasSize(1);
        return policies.get(0);
    }

    private static boolean selects(LabelSelector selector, PodTemplateSpec template) {
        assertThat(selector.getMatchExpressions()).as("matchExpressions are not evaluated here").isNullOrEmpty();
        return selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty()
                && template.getMetadata().getLabels().entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    private static int port(NetworkPolicyPort port, Container container) {
        assertThat(port.getProtocol()).isIn(null, "TCP");
        return containerPort(container, port.getPort());
    }

    private static int containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal())).getContainerPort();
    }

    private static HTTPGetAction httpGet(Probe probe) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet()).isNotNull();
        return probe.getHttpGet();
    }

    private static VolumeMount mountOf(PodTemplateSpec template, Container container, String configMap) {
        Volume volume = template.getSpec().getVolumes().stream()
                .filter(v -> v.getConfigMap() != null && configMap.equals(v.getConfigMap().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no volume from ConfigMap " + configMap));
        return container.getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("volume " + volume.getName() + " is not mounted"));
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }
}
