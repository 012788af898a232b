// Test helpers for rendered media: ffprobe, decoding frames and PNGs to RGB, PSNR, pixel sampling.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT } from "./helpers.js";

/** Remotion ships ffmpeg and ffprobe in its compositor package; fall back to the PATH elsewhere. */
function tool(name: "ffmpeg" | "ffprobe"): { cmd: string; env: NodeJS.ProcessEnv } {
  try {
    const dir = (createRequire(join(ROOT, "package.json"))(`@remotion/compositor-${process.platform}-${process.arch}-gnu`) as { dir: string }).dir;
    return { cmd: join(dir, name), env: { ...process.env, LD_LIBRARY_PATH: dir } };
  } catch {
    return { cmd: name, env: process.env };
  }
}

export interface Probe {
  frames: number;
  duration: number;
  width: number;
  height: number;
  codec: string;
  pixFmt: string;
  colorSpace: string;
  fps: string;
}

export function probe(file: string): Probe {
  const { cmd, env } = tool("ffprobe");
  const out = execFileSync(cmd, ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
    "stream=nb_read_frames,width,height,pix_fmt,color_space,codec_name,r_frame_rate:format=duration", "-of", "json", file], { env, encoding: "utf8" });
  const j = JSON.parse(out) as { streams: Record<string, string | number>[]; format: { duration: string } };
  const s = j.streams[0];
  return {
    frames: Number(s.nb_read_frames), duration: Number(j.format.duration), width: Number(s.width), height: Number(s.height),
    codec: String(s.codec_name), pixFmt: String(s.pix_fmt), colorSpace: String(s.color_space), fps: String(s.r_frame_rate),
  };
}

export interface Rgb {
  width: number;
  height: number;
  data: Buffer;
}

/** Decodes the first `frames` frames to RGB (image2pipe + rawvideo: Remotion's minimal ffmpeg has no rawvideo muxer). */
function decode(file: string, width: number, height: number, frames: number): Rgb[] {
  const { cmd, env } = tool("ffmpeg");
  const data = execFileSync(cmd, ["-v", "error", "-i", file, "-frames:v", String(frames), "-f", "image2pipe", "-c:v", "rawvideo", "-pix_fmt", "rgb24", "-"], { env, maxBuffer: 512 << 20 });
  const size = width * height * 3;
  if (data.length !== size * frames) throw new Error(`decoded ${data.length} bytes, expected ${frames} frames of ${width}x${height}x3`);
  return Array.from({ length: frames }, (_, i) => ({ width, height, data: data.subarray(i * size, (i + 1) * size) }));
}

/** Frames 0..n of a video as RGB (bt709 tv range decoded to full-range RGB by ffmpeg). */
export function videoFrames(file: string, n: number, width: number, height: number): Rgb[] {
  return decode(file, width, height, n + 1);
}

export function pngPixels(file: string, width: number, height: number): Rgb {
  return decode(file, width, height, 1)[0];
}

export function psnr(a: Rgb, b: Rgb): number {
  let se = 0;
  for (let i = 0; i < a.data.length; i++) se += (a.data[i] - b.data[i]) ** 2;
  const mse = se / a.data.length;
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}

/** Mean colour (0..1) of the (2r+1)² pixels around (x, y). */
export function sample(img: Rgb, x: number, y: number, r = 1): [number, number, number] {
  const acc = [0, 0, 0];
  let n = 0;
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      const px = Math.round(x) + dx;
      const py = Math.round(y) + dy;
      const o = (py * img.width + px) * 3;
      for (let c = 0; c < 3; c++) acc[c] += img.data[o + c];
      n++;
    }
  }
  return [acc[0] / n / 255, acc[1] / n / 255, acc[2] / n / 255];
}

export interface StreamInfo {
  index: number;
  codec_type: string;
  codec_name: string;
  tags?: { language?: string; handler_name?: string };
}

/** Every stream of a file, with its codec and language tag. */
export function streams(file: string): StreamInfo[] {
  const { cmd, env } = tool("ffprobe");
  const out = execFileSync(cmd, ["-v", "error", "-show_entries", "stream=index,codec_type,codec_name:stream_tags=language,handler_name", "-of", "json", file], { env, encoding: "utf8" });
  return (JSON.parse(out) as { streams: StreamInfo[] }).streams;
}

/** The packets of one stream ("v:0", "s:0"): time, duration, size and a hash of their bytes. */
export function packets(file: string, stream: string): { pts_time: string; duration_time: string; size: string; data_hash: string }[] {
  const { cmd, env } = tool("ffprobe");
  const out = execFileSync(cmd, ["-v", "error", "-select_streams", stream, "-show_packets", "-show_data_hash", "SHA256",
    "-show_entries", "packet=pts_time,duration_time,size,data_hash", "-of", "json", file], { env, encoding: "utf8", maxBuffer: 64 << 20 });
  return (JSON.parse(out) as { packets: { pts_time: string; duration_time: string; size: string; data_hash: string }[] }).packets;
}
