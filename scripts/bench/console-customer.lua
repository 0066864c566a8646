-- wrk: GET /console/customers/{id}, the console's customer page, with a signed-in session.
function request()
  return wrk.format("GET", "/console/customers/" .. customer, {["Cookie"] = cookie})
end
