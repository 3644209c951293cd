-- wrk script for bench/webhooks.sh: POSTs one signed body (HMAC over the body only, so one signature serves every
-- request) with a fresh X-Event-Id each time, and every tenth request repeats the id before it (a duplicate).
-- Environment: WEBHOOK_SIGNATURE (the X-Signature header value), WEBHOOK_BODY.
local counter = 0
local prefix = ""
local body = os.getenv("WEBHOOK_BODY")
local signature = os.getenv("WEBHOOK_SIGNATURE")

function setup(thread)
  thread:set("prefix", tostring(math.random(1, 1000000000)))
end

function init(args)
  prefix = prefix .. "-" .. tostring(math.random(1, 1000000000))
end

function request()
  counter = counter + 1
  local id = counter
  if counter % 10 == 0 then
    id = counter - 1
  end
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["X-Signature"] = signature,
    ["X-Event-Id"] = prefix .. "-" .. id
  }, body)
end
