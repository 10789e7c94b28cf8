/**
 * Pass and fail must be told apart without looking: a short rising double beep for pass, a long
 * low buzz for fail, a two-tone for "look at the screen" (ambiguous, warnings).
 */
let ctx: AudioContext | null = null;

function tone(freq: number, start: number, dur: number, type: OscillatorType, gain = 0.25) {
  ctx ??= new AudioContext();
  const o = ctx.createOscillator();
  const g = ctx.createGain();
  o.type = type;
  o.frequency.value = freq;
  g.gain.setValueAtTime(gain, ctx.currentTime + start);
  g.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + start + dur);
  o.connect(g).connect(ctx.destination);
  o.start(ctx.currentTime + start);
  o.stop(ctx.currentTime + start + dur + 0.02);
}

export type Sound = 'pass' | 'fail' | 'attention';

export function play(sound: Sound): void {
  try {
    if (sound === 'pass') {
      tone(1400, 0, 0.08, 'square');
      tone(1900, 0.1, 0.1, 'square');
    } else if (sound === 'fail') {
      tone(180, 0, 0.55, 'sawtooth', 0.35);
    } else {
      tone(700, 0, 0.15, 'triangle');
      tone(500, 0.2, 0.15, 'triangle');
    }
    document.body.dataset.lastSound = sound;
  } catch {
    /* no audio device: the screen colour still tells */
  }
}
