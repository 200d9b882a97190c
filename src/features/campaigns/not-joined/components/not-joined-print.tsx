import { PrintableList } from "@/components/ui/printable-list";
import { campaignsMessages } from "@/messages/fr/campaigns";
import { formatDate } from "@/messages/fr/format";

import { formatCampaignCode } from "../../domain/campaign-code";
import { formatCalendarDay } from "../domain/not-joined-table";
import type { NotJoinedList } from "../types";

const t = campaignsMessages.notJoined;

/** The class's learners not arrived in the campaign, to tick off while chasing them (same layout as the GAR assignment list). */
export function NotJoinedPrint({ list, date }: { list: NotJoinedList; date: Date }) {
  const { campaign, learners } = list;
  const division = campaign.division ?? campaignsMessages.schoolWide;
  return (
    <PrintableList
      title={t.title(division)}
      intro={t.intro(campaign.name, formatCampaignCode(campaign.code), formatDate(date))}
      printLabel={t.print}
      back={{ href: `/orga/campagnes/${campaign.id}`, label: t.back }}
      before={
        <>
          {learners !== null && learners.length > 0 && (
            <p className="no-print">
              <a
                href={`/orga/campagnes/${campaign.id}/pas-encore-rejoint/export`}
                download
                className="font-semibold text-primary underline"
              >
                {t.exportLink}
              </a>
            </p>
          )}
          {learners !== null && learners.some((learner) => !learner.hasSignedInWithGar) && <p>{t.legend}</p>}
        </>
      }
      empty={learners === null ? t.schoolWide : t.allJoined}
      groups={
        learners === null || learners.length === 0
          ? []
          : [
              {
                key: division,
                heading: t.byClass(division, learners.length),
                items: learners.map((learner) => ({
                  key: learner.id,
                  content: (
                    <>
                      {t.entry(learner.lastName, learner.firstName, formatCalendarDay(learner.birthdate))}
                      {!learner.hasSignedInWithGar && <strong> ({t.neverSignedIn})</strong>}
                    </>
                  ),
                })),
              },
            ]
      }
    />
  );
}
