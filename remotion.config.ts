// Remotion CLI and Studio settings; the Node-API renders read the same module (src/render/settings.ts).
import { Config } from "@remotion/cli/config";
import { browserExecutable, chromiumOptions, ENTRY_POINT, PUBLIC_DIR, VIDEO, webpackOverride } from "./src/render/settings.js";

Config.setEntryPoint(ENTRY_POINT);
Config.setPublicDir(PUBLIC_DIR);
Config.overrideWebpackConfig(webpackOverride);
Config.setBrowserExecutable(browserExecutable());
Config.setChromiumOpenGlRenderer(chromiumOptions().gl ?? "swangle");
Config.setChromiumMultiProcessOnLinux(true);
Config.setCodec(VIDEO.codec);
Config.setPixelFormat(VIDEO.pixelFormat);
Config.setColorSpace(VIDEO.colorSpace);
Config.setVideoImageFormat(VIDEO.imageFormat);
Config.setJpegQuality(VIDEO.jpegQuality);
Config.setX264Preset(VIDEO.x264Preset);
