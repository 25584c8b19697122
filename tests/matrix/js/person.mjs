// A person on matrix-js-sdk with its Rust crypto, set up as Element sets up a fresh login:
// cross-signing bootstrapped, "exclude insecure devices" on, direct chats opened as
// Element's "Start chat" opens them. Driven by the tests with JSON lines:
//   stdin:  {"id": 1, "op": "login", ...}   stdout: {"id": 1, "ok": true, ...}
//   stdout, unasked: {"event": "message" | "undecryptable" | "invite", ...}
import { createCipheriv, createHash, randomBytes } from "node:crypto";
import readline from "node:readline";

import * as sdk from "matrix-js-sdk";
import { EventShieldColour, OnlySignedDevicesIsolationMode } from "matrix-js-sdk/lib/crypto-api/index.js";
import { logger } from "matrix-js-sdk/lib/logger.js";

// stdout carries the protocol only: everything the SDK says goes to stderr.
for (const level of ["log", "info", "debug", "trace", "warn"]) console[level] = console.error;
logger.setLevel(process.env.PERSON_LOG_LEVEL ?? "warn");

const out = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let client = null;
let me = null;
const reported = new Set();

async function until(condition, within, what) {
  const deadline = Date.now() + within * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(100);
  }
}

async function report(event) {
  if (event.isBeingDecrypted() || event.getSender() === me) return;
  const base = { room_id: event.getRoomId(), sender: event.getSender(), event_id: event.getId() };
  if (event.isDecryptionFailure()) {
    const key = `${event.getId()}:failed`;
    if (reported.has(key)) return;
    reported.add(key);
    out({ event: "undecryptable", code: event.decryptionFailureReason, ...base });
    return;
  }
  if (event.getType() !== "m.room.message" || reported.has(event.getId())) return;
  reported.add(event.getId());
  const content = event.getContent();
  const info = event.isEncrypted() ? await client.getCrypto().getEncryptionInfoForEvent(event) : null;
  out({
    event: "message",
    room_name: client.getRoom(event.getRoomId())?.name ?? null,
    body: content.body ?? "",
    formatted_body: content.formatted_body ?? null,
    msgtype: content.msgtype ?? null,
    relates_to: content["m.relates_to"] ?? null,
    new_content: content["m.new_content"] ?? null,
    encrypted: event.isEncrypted(),
    shield: info ? EventShieldColour[info.shieldColour] : null,
    shield_reason: info?.shieldReason ?? null,
    ...base,
  });
}

function reportInvites() {
  for (const room of client.getRooms()) {
    if (room.getMyMembership() !== "invite" || reported.has(`invite:${room.roomId}`)) continue;
    reported.add(`invite:${room.roomId}`);
    const inviter = room.getMember(me)?.events.member?.getSender() ?? null;
    out({ event: "invite", room_id: room.roomId, room_name: room.name, sender: inviter });
  }
}

async function login({ homeserver, user, password }) {
  const anonymous = sdk.createClient({ baseUrl: homeserver });
  const identifier = { type: "m.id.user", user };
  const session = await anonymous.loginRequest({
    type: "m.login.password",
    identifier,
    password,
    initial_device_display_name: "js-sdk person",
  });
  me = session.user_id;
  client = sdk.createClient({
    baseUrl: homeserver,
    userId: me,
    accessToken: session.access_token,
    deviceId: session.device_id,
  });
  await client.initRustCrypto({ useIndexedDB: false });
  const crypto = client.getCrypto();
  await crypto.bootstrapCrossSigning({
    authUploadDeviceSigningKeys: async (makeRequest) => {
      await makeRequest({ type: "m.login.password", identifier, password });
    },
  });
  crypto.setDeviceIsolationMode(new OnlySignedDevicesIsolationMode());
  client.on(sdk.RoomEvent.Timeline, (event, _room, toStart) => {
    if (toStart) return;
    client.decryptEventIfNeeded(event).then(() => report(event)).catch((e) => console.error(e));
  });
  client.on(sdk.MatrixEventEvent.Decrypted, (event) => {
    report(event).catch((e) => console.error(e));
  });
  const prepared = new Promise((resolve) => {
    client.on(sdk.ClientEvent.Sync, (state) => {
      reportInvites(); // once a sync is processed, so that the room's name is known
      if (state === "PREPARED") resolve();
    });
  });
  await client.startClient({ initialSyncLimit: 20 });
  await prepared;
  return { user_id: me, device_id: session.device_id, cross_signing: await crypto.isCrossSigningReady() };
}

// As Element's "Start chat": a trusted private chat, direct, encrypted from the start,
// recorded in m.direct. Returns once this client knows the room is encrypted.
async function dm({ user }) {
  const { room_id } = await client.createRoom({
    preset: sdk.Preset.TrustedPrivateChat,
    visibility: sdk.Visibility.Private,
    is_direct: true,
    invite: [user],
    initial_state: [
      { type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } },
    ],
  });
  const direct = { ...(client.getAccountData("m.direct")?.getContent() ?? {}) };
  direct[user] = [...(direct[user] ?? []), room_id];
  await client.setAccountData("m.direct", direct);
  await encryptedRoom(room_id);
  return { room_id };
}

async function encryptedRoom(roomId) {
  const crypto = client.getCrypto();
  await until(
    async () => client.getRoom(roomId) && (await crypto.isEncryptionEnabledInRoom(roomId)),
    30,
    `room ${roomId} known and encrypted`,
  );
}

async function joined({ room_id, user, within = 60 }) {
  await until(() => client.getRoom(room_id)?.getMember(user)?.membership === "join", within, "join");
  return {};
}

async function join({ room_id }) {
  await client.joinRoom(room_id);
  await encryptedRoom(room_id);
  return {};
}

async function send({ room_id, text }) {
  await encryptedRoom(room_id); // never a word in clear
  const { event_id } = await client.sendMessage(room_id, { msgtype: "m.text", body: text });
  return { event_id };
}

// A reply as Element's mobile apps (and Tchap) send it: the quoted fallback in the body
// (`> <@sender:server> text` lines) and an <mx-reply> block in formatted_body.
async function reply({ room_id, event_id, text }) {
  await encryptedRoom(room_id);
  const to = client.getRoom(room_id)?.findEventById(event_id);
  if (!to) throw new Error(`no event ${event_id} in ${room_id}`);
  const sender = to.getSender();
  const quoted = (to.getContent().body ?? "").split("\n").map((line) => `> ${line}`);
  quoted[0] = quoted[0].replace("> ", `> <${sender}> `);
  const link = `https://matrix.to/#/${room_id}/${event_id}`;
  const who = `<a href="https://matrix.to/#/${sender}">${sender}</a>`;
  const content = {
    msgtype: "m.text",
    body: `${quoted.join("\n")}\n\n${text}`,
    format: "org.matrix.custom.html",
    formatted_body:
      `<mx-reply><blockquote><a href="${link}">In reply to</a> ${who}<br>` +
      `${escape(to.getContent().body ?? "")}</blockquote></mx-reply>${escape(text)}`,
    "m.relates_to": { "m.in_reply_to": { event_id } },
  };
  return { event_id: (await client.sendMessage(room_id, content)).event_id };
}

// An edit as Element sends it: ` * text` in the body, the new text in m.new_content.
async function edit({ room_id, event_id, text }) {
  await encryptedRoom(room_id);
  const content = {
    msgtype: "m.text",
    body: ` * ${text}`,
    "m.new_content": { msgtype: "m.text", body: text },
    "m.relates_to": { rel_type: "m.replace", event_id },
  };
  return { event_id: (await client.sendMessage(room_id, content)).event_id };
}

// A file as Element sends it in an encrypted room: encrypted (AES-CTR, v2), uploaded,
// and described by an m.file event that carries its key.
async function file({ room_id, name, text = "contenu" }) {
  await encryptedRoom(room_id);
  const key = randomBytes(32);
  const iv = Buffer.concat([randomBytes(8), Buffer.alloc(8)]);
  const cipher = createCipheriv("aes-256-ctr", key, iv);
  const data = Buffer.concat([cipher.update(Buffer.from(text)), cipher.final()]);
  const { content_uri } = await client.uploadContent(data, {
    type: "application/octet-stream",
    includeFilename: false,
  });
  const unpadded = (buffer) => buffer.toString("base64").replace(/=+$/, "");
  const content = {
    msgtype: "m.file",
    body: name,
    filename: name,
    info: { mimetype: "application/pdf", size: text.length },
    file: {
      v: "v2",
      url: content_uri,
      key: { alg: "A256CTR", ext: true, k: key.toString("base64url"), key_ops: ["encrypt", "decrypt"], kty: "oct" },
      iv: unpadded(iv),
      hashes: { sha256: unpadded(createHash("sha256").update(data).digest()) },
    },
  };
  return { event_id: (await client.sendMessage(room_id, content)).event_id };
}

function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

async function stop() {
  client?.stopClient();
  setTimeout(() => process.exit(0), 50);
  return {};
}

const ops = { login, dm, joined, join, send, reply, edit, file, stop };
const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const request = JSON.parse(line);
  const { id, op, ...args } = request;
  Promise.resolve()
    .then(() => ops[op](args))
    .then((result) => out({ id, ok: true, ...result }))
    .catch((error) => out({ id, ok: false, error: String(error?.stack ?? error) }));
});
lines.on("close", () => {
  client?.stopClient();
  process.exit(0);
});
