// SPDX-License-Identifier: Apache-2.0

/**
 * A canvas and 2D context that record what is done to them, in `calls`, for testing CanvasDisplay
 * under Node, which has no canvas.
 */
export function fakeCanvas(calls, name = 'main') {
    const canvas = {
        name,
        width: 0,
        height: 0,
        style: {},
        /** The canvases made through ownerDocument, in order. */
        created: [],
        ownerDocument: {
            createElement: () => {
                const made = fakeCanvas(calls, 'temporary');
                canvas.created.push(made);
                return made;
            },
        },
        /** The options of the last getContext call. */
        contextOptions: undefined,
        getContext: (type, options) => {
            canvas.contextOptions = options;
            return context;
        },
        toDataURL: () => 'data:image/png;base64,CURSOR',
    };
    const context = {
        set fillStyle(value) {
            calls.push(['fillStyle', value]);
        },
        fillRect: (...args) => calls.push(['fillRect', ...args]),
        putImageData: (image, x, y) => calls.push(['putImageData', image.width, image.height, x, y, Array.from(image.data)]),
        drawImage: (source, ...args) => calls.push(['drawImage', `${source.name} onto ${canvas.name}`, ...args]),
        canvas,
    };
    return canvas;
}

// Node has no ImageData; this one checks its size as the browser's does.
globalThis.ImageData ??= class ImageData {
    constructor(data, width, height) {
        if (data.length !== width * height * 4) {
            throw new RangeError('ImageData size');
        }
        this.data = data;
        this.width = width;
        this.height = height;
    }
};

/**
 * Frame callbacks and posted tasks held until the test runs them, in the order a browser would:
 * `runFrame()` is the next animation frame, `runTasks()` the tasks posted so far.
 */
export function fakeScheduler() {
    const frames = [];
    const tasks = [];
    return {
        frames,
        tasks,
        requestFrame: (callback) => frames.push(callback),
        postTask: (callback) => tasks.push(callback),
        runFrame() {
            const due = frames.splice(0);
            due.forEach((callback) => callback());
        },
        runTasks() {
            const due = tasks.splice(0);
            due.forEach((callback) => callback());
        },
    };
}
