// Whether the browser draws WebGL on a real GPU. Without one (SwiftShader, llvmpipe) cytoscape's
// WebGL renderer runs in software and is slower than its 2D canvas (docs/benchmarks.md).

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** The WebGL 2 renderer's name as the browser reports it, or undefined without WebGL 2. */
export function webglRendererName(): string | undefined {
  try {
    const canvas = document.createElement('canvas');
    // cytoscape's WebGL renderer needs WebGL 2.
    const gl = canvas.getContext('webgl2');
    if (!gl) return undefined;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name;
  } catch {
    return undefined;
  }
}

/** True when WebGL2 is there and not a software rasterizer. */
export function hasHardwareWebgl(name: string | undefined = webglRendererName()): boolean {
  return name !== undefined && name !== '' && !SOFTWARE_RENDERER.test(name);
}
