/// The profiles of a customer, computed from state by the criteria tables.
/// Read models, views and `decide` all call these, so a rule lives in one place.
extension Customer {
    /// The customer's own profile: `kyc_profile_a` or `kyb_profile_a`.
    public var verificationProfile: VerificationProfile {
        let criteria: CriteriaLists
        switch type {
        case .individual:
            criteria = ProfileTables.kyc.evaluate(personUnderReview)
        case .business:
            criteria = ProfileTables.kyb.evaluate(self)
        }
        return VerificationProfile(name: profileName, status: profileStatus, criteria: criteria)
    }

    /// A representative's `ubo_kyc_profile_a`.
    public func verificationProfile(of representative: Representative) -> VerificationProfile {
        let criteria = ProfileTables.ubo.evaluate(personUnderReview(of: representative))
        return VerificationProfile(name: .uboKycProfileA, status: representative.profileStatus, criteria: criteria)
    }

    /// An individual customer as its profile's criteria see it.
    var personUnderReview: PersonUnderReview {
        PersonUnderReview(
            email: email, phone: phone, address: address, personalInformation: personalInformation,
            representationDetails: nil, documents: documents(of: .customer, id: id.rawValue))
    }

    func personUnderReview(of representative: Representative) -> PersonUnderReview {
        PersonUnderReview(
            email: representative.email, phone: representative.phone, address: representative.address,
            personalInformation: representative.personalInformation,
            representationDetails: representative.representationDetails,
            documents: documents(of: .businessRepresentative, id: representative.id.rawValue))
    }

    /// The profile of `subject`, if it belongs to this customer.
    public func verificationProfile(of subject: ProfileSubject) -> VerificationProfile? {
        switch subject {
        case .customer(let customerID):
            return customerID == id ? verificationProfile : nil
        case .representative(let representativeID):
            return representative(representativeID).map(verificationProfile(of:))
        }
    }

    /// Every profile of the customer: its own first, then its representatives' in order.
    public var subjectProfiles: [SubjectProfile] {
        [SubjectProfile(subject: .customer(id), profile: verificationProfile)]
            + representatives.map { SubjectProfile(subject: .representative($0.id), profile: verificationProfile(of: $0)) }
    }
}

/// Every profile in `state`; empty when there is no customer.
public func verificationProfiles(_ state: CustomerState) -> [SubjectProfile] {
    state.customer?.subjectProfiles ?? []
}
