-- One row per verification profile: the customer's own and each business representative's.
CREATE TABLE verification_profiles (
    customer_id text  NOT NULL,
    subject_id  text  NOT NULL,
    name        text  NOT NULL,
    status      text  NOT NULL,
    criteria    json  NOT NULL,
    PRIMARY KEY (customer_id, subject_id, name)
);

CREATE INDEX verification_profiles_by_status ON verification_profiles (name, status);
