#!/usr/bin/env node
// `clan-inventory` by the name scripts, tests and git configurations (git-setup) call:
// bin/clan-inventory.cjs is the command.
import "./clan-inventory.cjs";
