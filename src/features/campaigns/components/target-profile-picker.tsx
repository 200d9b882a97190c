import { Fieldset } from "@/components/form/fieldset";
import { campaignsMessages as t } from "@/messages/fr/campaigns";

export type TargetProfileChoice = {
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  competenceCount: number;
  /** The level the parcours aims at, per competence (empty for a parcours without targets). */
  targets: { competenceId: string; name: string; level: number }[];
};

/** The parcours as radio cards: name, description, duration — a native radio group, keyboard-usable. */
export function TargetProfilePicker({
  choices,
  value,
  onChange,
  errorId,
  hasError,
}: {
  choices: TargetProfileChoice[];
  value: string;
  onChange: (id: string) => void;
  errorId: string;
  hasError: boolean;
}) {
  if (choices.length === 0) return <p className="text-muted">{t.form.noTargetProfile}</p>;
  return (
    <div className="grid gap-3 md:grid-cols-2" id="field-targetProfileId">
      {choices.map((choice) => {
        const inputId = `target-profile-${choice.id}`;
        const checked = value === choice.id;
        return (
          <label
            key={choice.id}
            htmlFor={inputId}
            className={`flex cursor-pointer gap-3 rounded-lg border-2 bg-white p-4 ${checked ? "border-primary bg-primary-light" : "border-slate-300 hover:border-primary"}`}
          >
            <input
              id={inputId}
              type="radio"
              name="targetProfileId"
              value={choice.id}
              checked={checked}
              onChange={() => onChange(choice.id)}
              aria-describedby={`${inputId}-description${hasError ? ` ${errorId}` : ""}`}
              className="mt-1 h-5 w-5 shrink-0 accent-primary"
            />
            <span>
              <span className="block font-bold">{choice.name}</span>
              <span id={`${inputId}-description`} className="mt-1 block text-muted">
                {choice.description}{" "}
                <span className="block text-sm font-semibold">
                  {t.form.duration(choice.durationMinutes)} · {t.form.competences(choice.competenceCount)}
                </span>
                {choice.targets.length > 0 ? (
                  <span className="mt-2 block text-sm">
                    <span className="block font-semibold">{t.form.targetLevels}</span>
                    <span className="block">
                      {choice.targets.map((target, index) => (
                        <span key={target.competenceId}>
                          {index > 0 ? " · " : ""}
                          {t.form.targetLevel(target.competenceId, target.name, target.level)}
                        </span>
                      ))}
                    </span>
                  </span>
                ) : null}
              </span>
            </span>
          </label>
        );
      })}
    </div>
  );
}

/** The parcours question of the campaign forms: legend, hint, the cards and their error. */
export function TargetProfileFieldset({
  choices,
  value,
  onChange,
  errors,
}: {
  choices: TargetProfileChoice[];
  value: string;
  onChange: (id: string) => void;
  errors?: string[];
}) {
  return (
    <Fieldset name="targetProfileId" legend={t.form.targetProfile} hint={t.form.targetProfileHint} errors={errors}>
      <TargetProfilePicker
        choices={choices}
        value={value}
        onChange={onChange}
        errorId="targetProfileId-error"
        hasError={Boolean(errors)}
      />
    </Fieldset>
  );
}
