package jp.linkage.hub.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.core.alert.ReportedReplicaAlert;
import jp.linkage.hub.core.inbound.CoreInbound;
import jp.linkage.hub.core.inbound.QueryValidation;
import jp.linkage.hub.core.jdbc.ThreadBoundTransactionManager;
import jp.linkage.hub.core.linkage.Linkage;
import jp.linkage.hub.core.linkage.LinkageAuthoriser;
import jp.linkage.hub.core.linkage.TableLinkageAuthoriser;
import jp.linkage.hub.core.outbound.OutboundPublisher;
import jp.linkage.hub.core.permission.PermissionTable;
import jp.linkage.hub.core.records.CoreSchema;
import jp.linkage.hub.core.records.ProvisionRecordProjection;
import jp.linkage.hub.core.records.RejectedMessageTable;
import jp.linkage.hub.core.records.ReplicaAlertProjection;
import jp.linkage.hub.core.reference.AgencyRegistration;
import jp.linkage.hub.core.reference.PermissionTablePublication;
import jp.linkage.hub.core.reference.ReferenceDataPublisher;
import jp.linkage.hub.core.symbol.SymbolService;
import jp.linkage.hub.core.symbolissue.SymbolIssuance;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.kafka.ConsumerLoop;
import jp.linkage.hub.iface.kafka.KafkaSettings;
import jp.linkage.hub.iface.routing.InboundRouter;
import jp.linkage.hub.layout.LayoutCatalog;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The core system (コアシステム) as one deployable: Axon on PostgreSQL (no Spring, no Axon Server), the
 * inbound router on the to-hub topics, and two tracking processors: the outbound publisher and the
 * provision-record projection.
 */
public final class CoreSystem implements AutoCloseable {
  public static final String OUTBOUND_GROUP = "outbound";
  public static final String RECORDS_GROUP = "provision-records";

  private final Configuration axon;
  private final Producer<String, byte[]> producer;
  private final ConsumerLoop inbound;

  private CoreSystem(Configuration axon, Producer<String, byte[]> producer, ConsumerLoop inbound) {
    this.axon = axon;
    this.producer = producer;
    this.inbound = inbound;
  }

  /** Creates the schema if needed and starts the core. */
  public static CoreSystem start(
      DataSource dataSource,
      String kafkaBootstrap,
      SymbolService symbols,
      PermissionTable table,
      AgencyDirectory agencies,
      Clock clock)
      throws SQLException {
    CoreSchema.create(dataSource);
    ThreadBoundTransactionManager tm = new ThreadBoundTransactionManager(dataSource);
    JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper()).build();
    JdbcEventStorageEngine engine =
        JdbcEventStorageEngine.builder()
            .connectionProvider(tm)
            .transactionManager(tm)
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .persistenceExceptionResolver(new SQLStateResolver("23505"))
            .batchSize(100)
            .build();
    engine.createSchema(PostgresEventTableFactory.INSTANCE);
    JdbcTokenStore tokens =
        JdbcTokenStore.builder().connectionProvider(tm).serializer(serializer).build();
    tokens.createSchema(PostgresTokenTableFactory.INSTANCE);

    Producer<String, byte[]> producer =
        new KafkaProducer<>(KafkaSettings.producer(kafkaBootstrap, "core"));
    EnvelopeCodec codec = new EnvelopeCodec(clock);
    LinkageAuthoriser authoriser = new TableLinkageAuthoriser(agencies, table, symbols);
    TrackingEventProcessorConfiguration tep =
        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
            .andBatchSize(100)
            .andInitialTrackingToken(StreamableMessageSource::createTailToken);

    DefaultConfigurer configurer =
        (DefaultConfigurer) DefaultConfigurer.defaultConfiguration(false);
    configurer
        .configureTransactionManager(c -> tm)
        .configureSerializer(c -> serializer)
        .configureEventSerializer(c -> serializer)
        .configureMessageSerializer(c -> serializer)
        .configureEmbeddedEventStore(c -> engine)
        .registerComponent(LinkageAuthoriser.class, c -> authoriser)
        .registerComponent(SymbolService.class, c -> symbols)
        .configureAggregate(Linkage.class)
        .configureAggregate(SymbolIssuance.class)
        .configureAggregate(PermissionTablePublication.class)
        .configureAggregate(AgencyRegistration.class)
        .configureAggregate(ReportedReplicaAlert.class);
    configurer
        .eventProcessing()
        .registerTokenStore(c -> tokens)
        .registerTrackingEventProcessor(OUTBOUND_GROUP, c -> c.eventStore(), c -> tep)
        .registerTrackingEventProcessor(RECORDS_GROUP, c -> c.eventStore(), c -> tep)
        .registerEventHandler(c -> new OutboundPublisher(producer, codec))
        .assignHandlerTypesMatching(OUTBOUND_GROUP, OutboundPublisher.class::equals)
        .registerEventHandler(c -> new ProvisionRecordProjection(tm::currentConnection))
        .registerEventHandler(c -> new ReplicaAlertProjection(tm::currentConnection))
        .assignHandlerTypesMatching(
            RECORDS_GROUP,
            t -> t == ProvisionRecordProjection.class || t == ReplicaAlertProjection.class);
    Configuration axon = configurer.buildConfiguration();
    axon.start();
    ReferenceDataPublisher.publish(
        axon.commandGateway(), table, agencies, clock); // before any query

    CoreInbound core =
        new CoreInbound(
            axon.commandGateway(),
            agencies,
            clock,
            tm,
            CoreSystem.wakeTrackingProcessors(axon),
            new QueryValidation(LayoutCatalog.loadFromClasspath(), table, agencies));
    InboundRouter router =
        new InboundRouter(codec, core, producer, new RejectedMessageTable(dataSource));
    ConsumerLoop inbound =
        ConsumerLoop.start(
            KafkaSettings.consumer(kafkaBootstrap, "core-inbound"),
            consumer -> consumer.subscribe(TopicLayout.TO_HUB_PATTERN),
            router,
            "core-inbound");
    return new CoreSystem(axon, producer, inbound);
  }

  /**
   * Publishing no events outside a unit of work runs the event store's after-commit step, which
   * wakes its producer thread to fetch what was committed since, so the tracking processors see a
   * batch as soon as it commits rather than after the store's idle fetch delay (a second).
   */
  private static Runnable wakeTrackingProcessors(Configuration axon) {
    return () -> axon.eventStore().publish(java.util.List.of());
  }

  /** The mapper of the core's event serializer; auditors read the event store with it. */
  public static ObjectMapper objectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  public Configuration axon() {
    return axon;
  }

  @Override
  public void close() {
    inbound.close();
    axon.shutdown();
    producer.close();
  }
}
