-- wrk script: every connection sends DEPTH requests back to back (HTTP/1.1 pipelining) and waits
-- for their responses; wrk counts each response as a request. Depth from the first script
-- argument (wrk ... -s pipeline.lua URL -- 16), default 16, as TechEmpower's plaintext test.
init = function(args)
  local depth = tonumber(args[1]) or 16
  local r = {}
  for i = 1, depth do
    r[i] = wrk.format(nil)
  end
  req = table.concat(r)
end

request = function()
  return req
end
