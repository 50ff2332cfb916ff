#!/usr/bin/env node
// Cargo's linker for wasm32-unknown-unknown (.cargo/config.toml): links with rust-lld as rustc
// would, then splits the wasm into a main module and lazily loaded chunks when the code has split
// points (the app built with its `split` feature: see src/routes.rs).
//
// Why here: wasm-split must read the linker's relocations (--emit-relocs), so it has to run on
// the raw linker output, before wasm-bindgen. Trunk runs cargo and then wasm-bindgen itself with
// no step in between, so the split happens inside the link: cargo (and so trunk) get the split
// main module in place of the whole program.
//
// The chunks reach the main module's functions through its function table, so the main module
// must keep exporting that table, at the same size and with every entry in place. wasm-bindgen
// deletes the linker's `__indirect_function_table` export (trunk cannot pass it
// --keep-lld-exports), so this also exports the table as `__wasm_split_table`, a name wasm-bindgen
// keeps; an exported table is also one wasm-opt leaves as it is.
//
// Without split points (the wasm-bindgen tests, any build without the feature) this is plain
// rust-lld. With them, the chunks and their loader (__wasm_split.js) are left in
// <profile dir>/wasm-split/ (target/wasm32-unknown-unknown/release/wasm-split/), with
// main.sha256 naming the main module they belong to; scripts/wasm-split-stage.mjs, a trunk hook,
// puts them into the build.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

// scripts/wasm-split-stage.mjs hands the chunks the table under this name.
const TABLE_EXPORT = '__wasm_split_table';

const fail = (message) => {
  console.error(`wasm-link: ${message}`);
  process.exit(1);
};

/** rust-lld: rustc puts its own tool folder first on the linker's PATH; else from the sysroot. */
function rustLld() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'rust-lld'))) return join(dir, 'rust-lld');
  }
  const sysroot = execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).trim();
  const host = /^host: (.*)$/m.exec(execFileSync('rustc', ['-vV'], { encoding: 'utf8' }))[1];
  return join(sysroot, 'lib', 'rustlib', host, 'bin', 'rust-lld');
}

/** The output file: `-o <file>`, on the command line or in a response file (`@file`). */
function outputPath(args) {
  const expanded = args.flatMap((arg) =>
    arg.startsWith('@') ? readFileSync(arg.slice(1), 'utf8').split('\n') : [arg]);
  const at = expanded.indexOf('-o');
  if (at < 0 || at + 1 >= expanded.length) fail('no output file (-o) in the linker arguments');
  return expanded[at + 1];
}

/** `wasm` with one more export: `name` for the table the export `existing` names. */
function withTableExport(wasm, existing, name) {
  let at = 8;
  const u32 = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const leb = (n) => {
    const bytes = [];
    do {
      let byte = n & 0x7f;
      n >>>= 7;
      if (n !== 0) byte |= 0x80;
      bytes.push(byte);
    } while (n !== 0);
    return Buffer.from(bytes);
  };
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    const size = u32();
    const end = at + size;
    if (id === 7) {
      const count = u32();
      const entries = at;
      let table = null;
      for (let n = 0; n < count; n++) {
        const length = u32();
        const exported = wasm.subarray(at, at + length).toString();
        at += length;
        const kind = wasm[at++];
        const index = u32();
        if (kind === 0x01 && exported === existing) table = index;
      }
      if (table === null) fail(`the split main module does not export ${existing}`);
      const added = Buffer.concat([leb(name.length), Buffer.from(name), Buffer.from([0x01]), leb(table)]);
      const content = Buffer.concat([leb(count + 1), wasm.subarray(entries, end), added]);
      return Buffer.concat([wasm.subarray(0, start), Buffer.from([7]), leb(content.length), content, wasm.subarray(end)]);
    }
    at = end;
  }
  return fail('the split main module has no export section');
}

const args = process.argv.slice(2);
// rustc passes `-flavor wasm` only when it knows the linker is lld; we always do.
if (args[0] === '-flavor') args.splice(0, 2);
// The relocations are what wasm-split reads to find every reference between functions and data.
const link = spawnSync(rustLld(), ['-flavor', 'wasm', '--emit-relocs', ...args], { stdio: 'inherit' });
if (link.status !== 0) process.exit(link.status ?? 1);

const out = outputPath(args);
// Split points are imports from this placeholder module (wasm_split_macros); none: nothing to do.
if (!readFileSync(out).includes('__wasm_split_placeholder__')) process.exit(0);

const split = join(dirname(out), '..', 'wasm-split');
rmSync(split, { recursive: true, force: true });
mkdirSync(split, { recursive: true });
const wasmSplit = spawnSync('wasm-split-cli', [out, split], { stdio: ['ignore', 2, 2] });
if (wasmSplit.status !== 0) {
  fail(`wasm-split-cli ${wasmSplit.error ? 'is missing (scripts/setup.sh installs it)' : 'failed'}`);
}
const main = withTableExport(readFileSync(join(split, 'main.wasm')), '__indirect_function_table', TABLE_EXPORT);
writeFileSync(out, main);
writeFileSync(join(split, 'main.sha256'), `${createHash('sha256').update(main).digest('hex')}\n`);
