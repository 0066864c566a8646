import CustomerDomain
import EventStore
import Foundation
import JSON

/// The inline read models of customers, written from the customer's folded state: the same
/// `evolve` that `decide` works on produces every row, so the tables always equal the fold of
/// the log. Every write replaces all rows of the customers it names.
public enum CustomerReadModel {
    public static let tables = ["customers", "verification_profiles", "business_representatives", "documents"]
    /// The name of its projector (and of the lock commands hold shared while they write it).
    static let projectorName = "customers"

    /// A customer's state, the stream version it was folded to, and its views encoded once:
    /// the same bytes are the read-model rows and, for a command, its response.
    struct Rendered: Sendable {
        let customer: Customer
        let version: Int64
        let view: Data
        /// The customer's profile, then its representatives', evaluated once for all the rows.
        let profiles: [SubjectProfile]
        let criteria: [Data]
        let representatives: [RepresentativeID: Data]
        let documents: [DocumentID: Data]

        init(_ customer: Customer, version: Int64) throws {
            self.customer = customer
            self.version = version
            let profiles = customer.subjectProfiles
            self.profiles = profiles
            view = try CanonicalJSON.encode(CustomerView(customer, profile: profiles[0].profile))
            criteria = try profiles.map { try CanonicalJSON.encode($0.profile.criteria) }
            var representatives: [RepresentativeID: Data] = [:]
            for (representative, subjectProfile) in zip(customer.representatives, profiles.dropFirst()) {
                representatives[representative.id] = try CanonicalJSON.encode(
                    BusinessRepresentativeView(representative, of: customer, profile: subjectProfile.profile))
            }
            self.representatives = representatives
            var documents: [DocumentID: Data] = [:]
            for document in customer.documents {
                documents[document.id] = try CanonicalJSON.encode(DocumentView(document))
            }
            self.documents = documents
        }
    }

    /// Statements that replace all rows of `customers` in `tables`, at most eight whatever the
    /// number of customers (arrays travel as parameters): a table's delete only when `existing`
    /// (the customers may have rows already), its insert only when it has rows to insert.
    static func statements(for customers: [Rendered], tables: TableNames, existing: Bool = true) -> [SQL] {
        var rows = Rows()
        for customer in customers { rows.add(customer) }
        let ids = SQLValue.texts(customers.map(\.customer.id.rawValue))
        var statements: [SQL] = []
        func replace(_ table: String, keyedBy key: String, inserting count: Int, _ insert: @autoclosure () -> SQL) {
            if existing { statements.append(SQL("DELETE FROM \(tables[table]) WHERE \(key) = ANY($1::text[])", [ids])) }
            if count > 0 { statements.append(insert()) }
        }
        replace("customers", keyedBy: "id", inserting: rows.customerIds.count, SQL(
            """
            INSERT INTO \(tables["customers"])
                (id, type, email, status, search_text, view, stream_version, created_at, updated_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::json[],
                                 $7::bigint[], $8::timestamptz[], $9::timestamptz[])
            """,
            [.texts(rows.customerIds), .texts(rows.types), .texts(rows.emails), .texts(rows.statuses),
             .texts(rows.searchTexts), .jsons(rows.views), .integers(rows.versions), .texts(rows.createdAt),
             .texts(rows.updatedAt)]))
        replace("verification_profiles", keyedBy: "customer_id", inserting: rows.profileCustomerIds.count, SQL(
            """
            INSERT INTO \(tables["verification_profiles"]) (customer_id, subject_id, name, status, criteria)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::json[])
            """,
            [.texts(rows.profileCustomerIds), .texts(rows.profileSubjectIds), .texts(rows.profileNames),
             .texts(rows.profileStatuses), .jsons(rows.profileCriteria)]))
        replace("business_representatives", keyedBy: "customer_id", inserting: rows.representativeIds.count, SQL(
            """
            INSERT INTO \(tables["business_representatives"])
                (id, customer_id, email, status, view, created_at, updated_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::json[],
                                 $6::timestamptz[], $7::timestamptz[])
            """,
            [.texts(rows.representativeIds), .texts(rows.representativeCustomerIds), .texts(rows.representativeEmails),
             .texts(rows.representativeStatuses), .jsons(rows.representativeViews),
             .texts(rows.representativeCreatedAt), .texts(rows.representativeUpdatedAt)]))
        replace("documents", keyedBy: "customer_id", inserting: rows.documentIds.count, SQL(
            """
            INSERT INTO \(tables["documents"])
                (id, customer_id, target, target_id, document_type, status, sha256, view, created_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                 $7::text[], $8::json[], $9::timestamptz[])
            """,
            [.texts(rows.documentIds), .texts(rows.documentCustomerIds), .texts(rows.documentTargets),
             .texts(rows.documentTargetIds), .texts(rows.documentTypes), .texts(rows.documentStatuses),
             .texts(rows.documentHashes), .jsons(rows.documentViews), .texts(rows.documentCreatedAt)]))
        return statements
    }

    /// The column arrays of the rows of many customers.
    private struct Rows {
        var customerIds: [String] = [], types: [String] = [], emails: [String] = [], statuses: [String] = []
        var searchTexts: [String] = [], views: [Data] = [], versions: [Int64] = []
        var createdAt: [String] = [], updatedAt: [String] = []
        var profileCustomerIds: [String] = [], profileSubjectIds: [String] = [], profileNames: [String] = []
        var profileStatuses: [String] = [], profileCriteria: [Data] = []
        var representativeIds: [String] = [], representativeCustomerIds: [String] = [], representativeEmails: [String] = []
        var representativeStatuses: [String] = [], representativeViews: [Data] = []
        var representativeCreatedAt: [String] = [], representativeUpdatedAt: [String] = []
        var documentIds: [String] = [], documentCustomerIds: [String] = [], documentTargets: [String] = []
        var documentTargetIds: [String] = [], documentTypes: [String] = [], documentStatuses: [String] = []
        var documentHashes: [String] = [], documentViews: [Data] = [], documentCreatedAt: [String] = []

        mutating func add(_ rendered: Rendered) {
            let customer = rendered.customer
            let id = customer.id.rawValue
            customerIds.append(id)
            types.append(customer.type.rawValue)
            emails.append(customer.email)
            statuses.append(customer.profileStatus.rawValue)
            searchTexts.append(Self.searchText(of: customer))
            views.append(rendered.view)
            versions.append(rendered.version)
            createdAt.append(customer.createdAt.iso8601)
            updatedAt.append(customer.updatedAt.iso8601)
            for (subjectProfile, criteria) in zip(rendered.profiles, rendered.criteria) {
                profileCustomerIds.append(id)
                profileSubjectIds.append(subjectProfile.subject.id)
                profileNames.append(subjectProfile.profile.name.rawValue)
                profileStatuses.append(subjectProfile.profile.status.rawValue)
                profileCriteria.append(criteria)
            }
            for representative in customer.representatives {
                representativeIds.append(representative.id.rawValue)
                representativeCustomerIds.append(id)
                representativeEmails.append(representative.email)
                representativeStatuses.append(representative.profileStatus.rawValue)
                representativeViews.append(rendered.representatives[representative.id]!)
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
                documentViews.append(rendered.documents[document.id]!)
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
