-- wrk: GET /v2/customer/{id}?asOfVersion=N, the API's time travel: the same events read and folded.
function request()
  return wrk.format("GET", "/v2/customer/" .. customer .. "?asOfVersion=" .. version, {["Authorization"] = auth})
end
