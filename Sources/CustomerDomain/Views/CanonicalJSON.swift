import Foundation

/// The one JSON form of everything the service writes: sorted keys, unescaped slashes. Events,
/// read models and responses all use it, so the same value always has the same bytes.
public enum CanonicalJSON {
    public static func encode(_ value: some Encodable) throws -> Data {
        try CustomerEvent.makeEncoder().encode(value)
    }
}
