import CustomerDomain
import CustomerService
import Foundation
import Postgres
import TestSupport
import Testing

/// Reservations hold an email's keyed blind index, never the address; uniqueness, the `email=`
/// filter and reservations made before the index all go through it, and forgetting frees it.
@Suite struct EmailIndexTests {
    func reservationKeys(of customer: CustomerID, on pool: ConnectionPool) async throws -> [String] {
        try await pool.query("SELECT email_key FROM email_reservations WHERE customer_id = $1", [customer.rawValue])
            .rows.map { try $0.decode(0, as: String.self) }
    }

    @Test func aReservationHoldsTheIndexAndTheFilterFindsTheCustomerByIt() async throws {
        try await ServiceHarness.with { harness in
            let email = ServiceInputs.uniqueEmail("Index.Me")
            let jane: CustomerID = ServiceInputs.fresh()
            try await harness.run(.createIndividual(id: jane, ServiceInputs.janeSmith(email: email)), on: jane)
            let keys = try await reservationKeys(of: jane, on: harness.pool)
            #expect(keys.count == 1)
            #expect(keys.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) && !$0.contains("@") }, "\(keys)")
            #expect(keys == [harness.vault.emailIndex.key(of: email.uppercased())], "the index is of the lower-cased address")

            let found = try await harness.queries.customers(CustomerFilter(email: email.uppercased()))
            #expect(found.total == 1)
            #expect(String(decoding: found.views[0], as: UTF8.self).contains(jane.rawValue))
        }
    }

    @Test func aReservationMadeBeforeTheIndexIsIndexedAndStillHoldsTheAddress() async throws {
        try await ServiceHarness.with { harness in
            let email = ServiceInputs.uniqueEmail("legacy")
            let old: CustomerID = ServiceInputs.fresh()
            try await harness.pool.query(
                "INSERT INTO email_reservations (customer_type, email_key, customer_id) VALUES ('individual', $1, $2)",
                [email, old.rawValue])
            // A server another suite starts meanwhile may index it first: what counts is the result.
            try await harness.vault.emailIndex.indexLegacyReservations(on: harness.store)
            #expect(try await reservationKeys(of: old, on: harness.pool) == [harness.vault.emailIndex.key(of: email)])

            let newcomer: CustomerID = ServiceInputs.fresh()
            await #expect(throws: CustomerServiceError.duplicateEmail(email: email)) {
                try await harness.run(.createIndividual(id: newcomer, ServiceInputs.janeSmith(email: email)), on: newcomer)
            }
        }
    }

    @Test func forgettingACustomerFreesItsEmail() async throws {
        try await ServiceHarness.with { harness in
            let email = ServiceInputs.uniqueEmail("freed")
            let jane: CustomerID = ServiceInputs.fresh()
            try await harness.run(.createIndividual(id: jane, ServiceInputs.janeSmith(email: email)), on: jane)
            try await harness.run(.erasePersonalData, on: jane)
            #expect(try await reservationKeys(of: jane, on: harness.pool).isEmpty)
            let next: CustomerID = ServiceInputs.fresh()
            #expect(try await harness.run(.createIndividual(id: next, ServiceInputs.janeSmith(email: email)), on: next).executed)
        }
    }
}
