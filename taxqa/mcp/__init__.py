"""taxqa as Model Context Protocol tools (`taxqa mcp`): the calculators, question reading and the
embedded statutes for any agent. Imported as `taxqa.mcp`; the SDK itself is the top-level `mcp`."""
