// Every command, in the order the help text lists them. A new command is one file here plus its
// line below, and its words in src/i18n/vi-commands.ts.
import type { CommandSpec } from "../registry.js";
import start from "./start.js";
import togiac from "./togiac.js";
import theodoi from "./theodoi.js";
import nhanbantin from "./nhanbantin.js";
import huybantin from "./huybantin.js";
import bantin from "./bantin.js";
import baomat from "./baomat.js";
import xoadulieu from "./xoadulieu.js";
import quaylai from "./quaylai.js";
import huy from "./huy.js";
import trogiup from "./trogiup.js";
import dangky from "./dangky.js";
import dangnhap from "./dangnhap.js";
import loaphat from "./loaphat.js";
import chao from "./chao.js";
import tinbao from "./tinbao.js";
import nhaptin from "./nhaptin.js";
import sotinbao from "./sotinbao.js";
import nhomcanhbao from "./nhomcanhbao.js";
import capnhat from "./capnhat.js";
import thongke from "./thongke.js";
import tieuchi from "./tieuchi.js";
import congnhan from "./congnhan.js";
import tinbaoTk from "./tinbao_tk.js";
import baocao from "./baocao.js";
import bieudo from "./bieudo.js";
import xephang from "./xephang.js";
import dich from "./dich.js";
import vietbantin from "./vietbantin.js";
import tiendo from "./tiendo.js";
import lichphat from "./lichphat.js";
import ngonngu from "./ngonngu.js";
import toi from "./toi.js";
import lienket from "./lienket.js";
import kenhcanhbao from "./kenhcanhbao.js";

export const COMMANDS: readonly CommandSpec[] = [
  start,
  togiac,
  theodoi,
  nhanbantin,
  huybantin,
  bantin,
  baomat,
  xoadulieu,
  quaylai,
  huy,
  trogiup,
  dangky,
  chao,
  tinbao,
  nhaptin,
  sotinbao,
  nhomcanhbao,
  capnhat,
  thongke,
  tieuchi,
  congnhan,
  tinbaoTk,
  baocao,
  bieudo,
  xephang,
  dich,
  vietbantin,
  tiendo,
  lichphat,
  ngonngu,
  toi,
  lienket,
  kenhcanhbao,
  dangnhap,
  loaphat,
];

const byName = new Map<string, CommandSpec>();
for (const command of COMMANDS) {
  for (const name of command.names) {
    if (!/^[a-z0-9_]{1,32}$/.test(name)) throw new Error(`command "${name}": Telegram takes 1-32 of a-z, 0-9 and _`);
    if (byName.has(name)) throw new Error(`command "${name}" is declared twice`);
    byName.set(name, command);
  }
}

export function findCommand(name: string): CommandSpec | null {
  return byName.get(name) ?? null;
}

/** Every name and alias: the fuzz test types them all. */
export function commandNames(): string[] {
  return [...byName.keys()];
}
