-- wrk script for scripts/bench.py: cycles through the requests in a file, then prints the
-- figures as one JSON line. Usage: wrk ... -s scripts/bench.lua URL -- REQUESTS_FILE
-- The file has one request a line, fields separated by tabs:
--   METHOD <tab> PATH <tab> BODY <tab> Header: value <tab> Header: value ...
-- Each wrk thread starts at a different request, so two threads do not send the same one at
-- the same moment.

local threads = {}

function setup(thread)
   thread:set("number", #threads)
   table.insert(threads, thread)
end

local requests = {}
local next_request = 1

local function split(line)
   local fields = {}
   for field in (line .. "\t"):gmatch("([^\t]*)\t") do
      table.insert(fields, field)
   end
   return fields
end

function init(args)
   for line in io.lines(args[1]) do
      if line ~= "" then
         local fields = split(line)
         local headers = {}
         for i = 4, #fields do
            local name, value = fields[i]:match("^([^:]+):%s*(.*)$")
            headers[name] = value
         end
         local body = fields[3] ~= "" and fields[3] or nil
         table.insert(requests, wrk.format(fields[1], fields[2], headers, body))
      end
   end
   next_request = (number or 0) % #requests + 1
end

function request()
   local chosen = requests[next_request]
   next_request = next_request % #requests + 1
   return chosen
end

function done(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format(
      'bench-result {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, '
         .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
      errors.connect, errors.read, errors.write, errors.status, errors.timeout
   ))
end
