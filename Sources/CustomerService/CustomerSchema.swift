import EventStore

/// The customer layer's own schema: the read models, the command log, keys, reservations and
/// document bytes, and the service's role with exactly its privileges.
public enum CustomerSchema {
    public static let layer = SchemaLayer(
        name: "customers", tables: tables, objects: objects,
        // The role and its grants, once numbered migrations, now one object.
        retiredVersions: [17, 19, 20])

    /// Everything the service's database holds: the event store's schema, then this one.
    public static let database = DatabaseSchema(layers: [EventStoreSchema.layer, layer])
}
