import Crypto
import EventStore
import Foundation

/// The Merkle root a seal signs over every stream's head, built as RFC 6962 builds a
/// certificate log's tree hash: leaves in byte order of their stream ids, each hashed with a 0x00
/// prefix and each inner node with 0x01 (so no leaf can pass for a node), the left subtree the
/// largest power of two below the count. A leaf is the stream id, LF, the head's version, LF,
/// then the head's 32-byte hash.
enum MerkleTree {
    static func root(of heads: some Collection<StreamHead>) -> Data {
        let leaves = heads
            .sorted { $0.streamId.utf8.lexicographicallyPrecedes($1.streamId.utf8) }
            .map(leafHash)
        guard !leaves.isEmpty else { return Data(SHA256.hash(data: Data())) }
        return node(leaves[...])
    }

    static func leafHash(_ head: StreamHead) -> Data {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: Data("\(head.streamId)\n\(head.version)\n".utf8))
        hasher.update(data: head.hash)
        return Data(hasher.finalize())
    }

    private static func node(_ leaves: ArraySlice<Data>) -> Data {
        guard leaves.count > 1 else { return leaves[leaves.startIndex] }
        var split = 1
        while split * 2 < leaves.count { split *= 2 }
        let middle = leaves.startIndex + split
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: node(leaves[..<middle]))
        hasher.update(data: node(leaves[middle...]))
        return Data(hasher.finalize())
    }
}
