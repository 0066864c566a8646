-- wrk: POST /v2/customer with a fresh email each request (emails are unique per type).
local counter = 0
local thread_id = 0
function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end
function init(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
  prefix = string.format("%x%x", os.time(), math.random(0, 0xffffff))
end
function request()
  counter = counter + 1
  local body = string.format([[{"type":"individual","email":"load.%s.%d.%d@example.com","phone":"+14155550123",
"address":{"line1":"233 S Wacker Dr","city":"Chicago","state":"IL","postalCode":"60606","country":"USA"},
"personalInformation":{"firstName":"Jane","lastName":"Smith","dateOfBirth":"1990-04-12",
"taxIdentificationNumber":"123-45-6789","taxIdentificationNumberType":"ssn","taxIdentificationNumberCountry":"USA"}}]],
    prefix, tid or 0, counter)
  return wrk.format("POST", "/v2/customer", {["Content-Type"] = "application/json", ["Authorization"] = auth}, body)
end
