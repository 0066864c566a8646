/// The OpenAPI document of this API (`openapi.yaml` beside this file), carried in the binary
/// and served at `GET /openapi.yaml`.
enum OpenAPIDocument {
    static var bytes: [UInt8] { PackageResources.openapi_yaml }
}
