"use client";

import { useEffect, useRef, useState } from "react";

/**
 * "Projeter le code": the code alone, as large as the screen allows, for the back of the room.
 * A modal overlay (Échap closes it) that also asks the browser for real full screen.
 */
export function ProjectionButton({
  formattedCode,
  title,
  hint,
  label,
  closeLabel,
}: {
  formattedCode: string;
  title: string;
  hint: string;
  label: string;
  closeLabel: string;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const overlay = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    closeButton.current?.focus();
    overlay.current?.requestFullscreen?.().catch(() => {
      // Full screen can be refused (iframe, settings): the overlay alone still fills the window.
    });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setIsOpen(false);
    };
    const onFullscreenChange = () => {
      if (!document.fullscreenElement) setIsOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("fullscreenchange", onFullscreenChange);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("fullscreenchange", onFullscreenChange);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      opener.current?.focus();
    };
  }, [isOpen]);

  return (
    <>
      <button
        ref={opener}
        type="button"
        onClick={() => setIsOpen(true)}
        className="rounded-md border border-primary bg-white px-4 py-2 font-semibold text-primary hover:bg-primary-light"
      >
        {label}
      </button>
      {isOpen && (
        <div
          ref={overlay}
          role="dialog"
          aria-modal="true"
          aria-labelledby="projection-title"
          className="fixed inset-0 z-50 flex flex-col items-center justify-center gap-8 bg-white p-8 text-center"
        >
          <p id="projection-title" className="text-3xl font-bold md:text-5xl">
            {title}
          </p>
          <p className="font-mono text-[clamp(3rem,13vw,14rem)] font-bold leading-none tracking-wider text-primary">
            {formattedCode}
          </p>
          <p className="max-w-4xl text-2xl md:text-3xl">{hint}</p>
          <button
            ref={closeButton}
            type="button"
            onClick={() => setIsOpen(false)}
            className="rounded-md bg-primary px-6 py-3 text-xl font-semibold text-white hover:bg-primary-dark"
          >
            {closeLabel}
          </button>
        </div>
      )}
    </>
  );
}
