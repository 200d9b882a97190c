import { FilterForm } from "@/components/form/filter-form";
import { SelectField } from "@/components/form/field";
import { campaignsMessages } from "@/messages/fr/campaigns";

import { PARTICIPANT_STATUS_FILTERS, type ParticipantFilter } from "../schema";

const t = campaignsMessages.participantFilters;

/**
 * Class, status and sort above a campaign's Activité or Résultats: a GET form, so the filters
 * live in the URL (a link keeps them, the export follows them) and work without JavaScript.
 */
export function ParticipantFilters({
  action,
  idPrefix,
  filter,
  divisions,
}: {
  action: string;
  idPrefix: string;
  filter: ParticipantFilter;
  divisions: string[];
}) {
  return (
    <FilterForm
      action={action}
      submitLabel={t.submit}
      resetHref={action}
      resetLabel={t.reset}
      className="md:grid-cols-4"
    >
      <SelectField id={`${idPrefix}-division`} name="division" label={t.division} defaultValue={filter.division}>
        <option value="">{t.allDivisions}</option>
        {divisions.map((division) => (
          <option key={division} value={division}>
            {division}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${idPrefix}-status`} name="status" label={t.status} defaultValue={filter.status}>
        {PARTICIPANT_STATUS_FILTERS.map((status) => (
          <option key={status} value={status}>
            {t.statuses[status]}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${idPrefix}-sort`} name="sort" label={t.sort} defaultValue={filter.sort}>
        <option value="name">{t.sorts.name}</option>
        <option value="mastery">{t.sorts.mastery}</option>
      </SelectField>
    </FilterForm>
  );
}
