import JSON
import CustomerDomain
import EventStore
import Foundation
import Postgres

/// The inline read models of customers, written from the customer's folded state: the same
/// `evolve` that `decide` works on produces every row, so the tables always equal the fold of
/// the log. Every write replaces all rows of the customers it names.
public enum CustomerReadModel {
    public static let tables = ["customers", "verification_profiles", "business_representatives", "documents"]

    /// Commands hold this lock shared while they write; a rebuild's swap holds it exclusively.
    /// Its key is qualified by the schema, so copies of the tables in other schemas (benchmarks,
    /// tests) never contend with it.
    static let lockName = "projection:customers"

    /// A customer's state and the stream version it was folded to.
    struct Snapshot {
        let customer: Customer
        let version: Int64
    }

    /// Statements that replace all rows of `snapshots` in `tables`, eight statements whatever
    /// the number of customers (arrays travel as parameters).
    static func statements(for snapshots: [Snapshot], tables: TableNames) throws -> [Statement] {
        var rows = Rows()
        for snapshot in snapshots { try rows.add(snapshot) }
        let ids = snapshots.map(\.customer.id.rawValue)
        return [
            Statement("DELETE FROM \(tables["customers"]) WHERE id = ANY($1::text[])", [ids]),
            Statement(
                """
                INSERT INTO \(tables["customers"])
                    (id, type, email, status, search_text, view, stream_version, created_at, updated_at)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::json[],
                                     $7::bigint[], $8::timestamptz[], $9::timestamptz[])
                """,
                [rows.customerIds, rows.types, rows.emails, rows.statuses, rows.searchTexts, rows.views,
                 rows.versions, rows.createdAt, rows.updatedAt]),
            Statement("DELETE FROM \(tables["verification_profiles"]) WHERE customer_id = ANY($1::text[])", [ids]),
            Statement(
                """
                INSERT INTO \(tables["verification_profiles"]) (customer_id, subject_id, name, status, criteria)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::json[])
                """,
                [rows.profileCustomerIds, rows.profileSubjectIds, rows.profileNames, rows.profileStatuses, rows.profileCriteria]),
            Statement("DELETE FROM \(tables["business_representatives"]) WHERE customer_id = ANY($1::text[])", [ids]),
            Statement(
                """
                INSERT INTO \(tables["business_representatives"])
                    (id, customer_id, email, status, view, created_at, updated_at)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::json[],
                                     $6::timestamptz[], $7::timestamptz[])
                """,
                [rows.representativeIds, rows.representativeCustomerIds, rows.representativeEmails,
                 rows.representativeStatuses, rows.representativeViews, rows.representativeCreatedAt,
                 rows.representativeUpdatedAt]),
            Statement("DELETE FROM \(tables["documents"]) WHERE customer_id = ANY($1::text[])", [ids]),
            Statement(
                """
                INSERT INTO \(tables["documents"])
                    (id, customer_id, target, target_id, document_type, status, sha256, view, created_at)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                     $7::text[], $8::json[], $9::timestamptz[])
                """,
                [rows.documentIds, rows.documentCustomerIds, rows.documentTargets, rows.documentTargetIds,
                 rows.documentTypes, rows.documentStatuses, rows.documentHashes, rows.documentViews,
                 rows.documentCreatedAt]),
        ]
    }

    /// The column arrays of the rows of many customers.
    private struct Rows {
        var customerIds: [String] = [], types: [String] = [], emails: [String] = [], statuses: [String] = []
        var searchTexts: [String] = [], views: [JSONB] = [], versions: [Int64] = []
        var createdAt: [String] = [], updatedAt: [String] = []
        var profileCustomerIds: [String] = [], profileSubjectIds: [String] = [], profileNames: [String] = []
        var profileStatuses: [String] = [], profileCriteria: [JSONB] = []
        var representativeIds: [String] = [], representativeCustomerIds: [String] = [], representativeEmails: [String] = []
        var representativeStatuses: [String] = [], representativeViews: [JSONB] = []
        var representativeCreatedAt: [String] = [], representativeUpdatedAt: [String] = []
        var documentIds: [String] = [], documentCustomerIds: [String] = [], documentTargets: [String] = []
        var documentTargetIds: [String] = [], documentTypes: [String] = [], documentStatuses: [String] = []
        var documentHashes: [String] = [], documentViews: [JSONB] = [], documentCreatedAt: [String] = []

        mutating func add(_ snapshot: Snapshot) throws {
            let customer = snapshot.customer
            let id = customer.id.rawValue
            customerIds.append(id)
            types.append(customer.type.rawValue)
            emails.append(customer.email)
            statuses.append(customer.profileStatus.rawValue)
            searchTexts.append(Self.searchText(of: customer))
            views.append(JSONB(try CanonicalJSON.encode(CustomerView(customer))))
            versions.append(snapshot.version)
            createdAt.append(customer.createdAt.iso8601)
            updatedAt.append(customer.updatedAt.iso8601)
            for subjectProfile in customer.subjectProfiles {
                profileCustomerIds.append(id)
                profileSubjectIds.append(subjectProfile.subject.id)
                profileNames.append(subjectProfile.profile.name.rawValue)
                profileStatuses.append(subjectProfile.profile.status.rawValue)
                profileCriteria.append(JSONB(try CanonicalJSON.encode(subjectProfile.profile.criteria)))
            }
            for representative in customer.representatives {
                representativeIds.append(representative.id.rawValue)
                representativeCustomerIds.append(id)
                representativeEmails.append(representative.email)
                representativeStatuses.append(representative.profileStatus.rawValue)
                representativeViews.append(JSONB(try CanonicalJSON.encode(BusinessRepresentativeView(representative, of: customer))))
                representativeCreatedAt.append(representative.createdAt.iso8601)
                representativeUpdatedAt.append(representative.updatedAt.iso8601)
            }
            for document in customer.documents {
                documentIds.append(document.id.rawValue)
                documentCustomerIds.append(id)
                documentTargets.append(document.target.rawValue)
                documentTargetIds.append(document.targetId)
                documentTypes.append(document.documentType.rawValue)
                documentStatuses.append(document.status.rawValue)
                documentHashes.append(document.sha256)
                documentViews.append(JSONB(try CanonicalJSON.encode(DocumentView(document))))
                documentCreatedAt.append(document.createdAt.iso8601)
            }
        }

        /// Names and email, lower-cased: what the list's `search` matches.
        static func searchText(of customer: Customer) -> String {
            let person = customer.personalInformation
            let business = customer.businessInformation
            return [person?.firstName, person?.middleName, person?.lastName, business?.legalName, business?.tradeName, customer.email]
                .compactMap { $0 }.joined(separator: " ").lowercased()
        }
    }
}
