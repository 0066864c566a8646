-- wrk: GET /v2/customer/{id} of one existing customer.
function request()
  return wrk.format("GET", "/v2/customer/" .. customer, {["Authorization"] = auth})
end
