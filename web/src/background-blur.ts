// Background blur in the browser. MediaPipe's selfie segmentation finds the person in each camera frame; the
// person is drawn sharp over a blurred copy of the frame, and the canvas becomes the track we send. The model,
// its graph and the wasm runtime come from the npm package and are served by Portvakt under /assets/selfie/
// (vite.config.ts copies them): nothing is fetched from elsewhere. This module is its own chunk, loaded the
// first time someone turns blur on. Needs script-src 'wasm-unsafe-eval' in the page's CSP.

interface Results {
  image: CanvasImageSource;
  segmentationMask: CanvasImageSource;
}

interface Segmenter {
  setOptions(options: { modelSelection?: number; selfieMode?: boolean }): void;
  onResults(listener: (results: Results) => void): void;
  initialize(): Promise<void>;
  send(inputs: { image: HTMLVideoElement }): Promise<void>;
  close(): Promise<void>;
}

declare global {
  interface Window {
    // the package is a classic script that defines this global; it is not an ES module
    SelfieSegmentation?: new (config: { locateFile: (file: string) => string }) => Segmenter;
  }
}

export interface BlurredTrack {
  track: MediaStreamTrack;
  stop(): void;
}

// served beside this chunk (vite.config.ts), not resolved by Vite at build time
const ASSETS = new URL(/* @vite-ignore */ 'selfie/', import.meta.url);
// 1 is the "landscape" model (256x144 input), made for video calls and cheaper than the square one
const LANDSCAPE_MODEL = 1;
const FRAME_MS = 1000 / 24;
const BLUR_PX = 12;

let loading: Promise<void> | null = null;

function loadSegmenterScript(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('selfie_segmentation.js', ASSETS).href;
    script.onload = () => resolve();
    script.onerror = () => {
      loading = null;
      reject(new Error('could not load the segmentation script'));
    };
    document.head.append(script);
  });
  return loading;
}

function compose(context: CanvasRenderingContext2D, results: Results): void {
  const { width, height } = context.canvas;
  context.save();
  context.clearRect(0, 0, width, height);
  context.drawImage(results.segmentationMask, 0, 0, width, height);
  context.globalCompositeOperation = 'source-in';
  context.drawImage(results.image, 0, 0, width, height);
  context.globalCompositeOperation = 'destination-over';
  context.filter = `blur(${BLUR_PX}px)`;
  // drawn past the edges: a blur near the border would otherwise mix in transparency and leave a pale frame
  const bleed = 2 * BLUR_PX;
  context.drawImage(results.image, -bleed, -bleed, width + 2 * bleed, height + 2 * bleed);
  context.restore();
}

/** A blurred copy of a camera track; `stop` ends the copy and the segmenter, never the camera itself. */
export async function blurTrack(camera: MediaStreamTrack): Promise<BlurredTrack> {
  await loadSegmenterScript();
  if (!window.SelfieSegmentation) throw new Error('segmentation script defined nothing');
  const segmenter = new window.SelfieSegmentation({ locateFile: (file) => new URL(file, ASSETS).href });
  segmenter.setOptions({ modelSelection: LANDSCAPE_MODEL });

  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([camera]);
  await video.play();
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth || camera.getSettings().width || 640;
  canvas.height = video.videoHeight || camera.getSettings().height || 480;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  segmenter.onResults((results) => compose(context, results));
  await segmenter.initialize();
  // one frame through before the track is handed out, so a broken runtime fails here and not on the wire
  await segmenter.send({ image: video });

  let running = true;
  const loop = async (): Promise<void> => {
    while (running) {
      const started = performance.now();
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) await segmenter.send({ image: video });
      // at most half of the page's time: where a frame takes longer than a frame's time (a slow phone, a busy
      // machine, a browser without a GPU) the blur's frame rate drops instead of the page's controls freezing
      const spent = performance.now() - started;
      await new Promise((resolve) => window.setTimeout(resolve, Math.max(FRAME_MS - spent, spent)));
    }
  };
  const looping = loop().catch(() => undefined);

  const track = canvas.captureStream(24).getVideoTracks()[0];
  return {
    track,
    stop() {
      running = false;
      track.stop();
      // the segmenter is closed only after its last frame, never in the middle of one
      void looping.then(() => segmenter.close()).finally(() => { video.srcObject = null; });
    },
  };
}
