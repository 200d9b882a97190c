/**
 * HTML of the "ENT démo": the ENT sign-in (pick or type a student), the médiacentre and the
 * error page. Plain server-rendered HTML with inline styles: no script, no external resource.
 */
import type { FixtureStudent } from "./students";

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1e1e2e;background:#f3f4f8}
header{background:#0b5e58;color:#fff;padding:12px 24px;display:flex;justify-content:space-between;align-items:center;gap:16px}
header strong{font-size:20px}.demo{background:#fff3cd;color:#5c4400;padding:8px 24px;font-size:14px}
main{max-width:960px;margin:24px auto;padding:0 16px}h1{font-size:26px;margin:0 0 16px}h2{font-size:19px;margin:24px 0 8px}
.card{background:#fff;border-radius:8px;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.12);margin-bottom:16px}
.students{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:8px}
button,.button{display:block;width:100%;min-height:44px;text-align:left;padding:8px 12px;border:1px solid #c7cad6;border-radius:6px;background:#fff;font:inherit;cursor:pointer;color:inherit;text-decoration:none}
button:hover,.button:hover{border-color:#0b5e58;background:#eef7f6}button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.primary{background:#0b5e58;color:#fff;border-color:#0b5e58;text-align:center;font-weight:600}.primary:hover{background:#094b46}
small{display:block;color:#555;font-size:14px}label{display:block;font-weight:600;margin-top:12px}
input{width:100%;min-height:44px;padding:8px;border:1px solid #8a8fa3;border-radius:6px;font:inherit}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:16px}
.tile{display:flex;flex-direction:column;justify-content:space-between;min-height:140px;padding:16px;border-radius:8px;background:#fff;border:1px solid #c7cad6;color:inherit;text-decoration:none}
a.tile:hover{border-color:#3d2bd1;box-shadow:0 2px 8px rgba(61,43,209,.2)}.tile strong{font-size:20px}.tile.pix strong{color:#3d2bd1}
.muted{color:#555}.error{border-left:4px solid #b91c1c}.inline{display:inline}.inline button{display:inline;width:auto;min-height:36px;background:transparent;color:#fff;border-color:#fff;text-align:center}
`;

function layout(title: string, body: string, signedInAs?: string): string {
  const account = signedInAs
    ? `<span>${escapeHtml(signedInAs)}</span><form class="inline" method="post" action="/ent/deconnexion"><button type="submit">Se déconnecter de l'ENT</button></form>`
    : "";
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} – ENT démo</title><style>${STYLE}</style></head>
<body><header><strong>ENT démo</strong>${account}</header>
<p class="demo">Environnement de démonstration : cet ENT et ce GAR sont simulés pour tester Pix. Aucune donnée réelle.</p>
<main>${body}</main></body></html>`;
}

function studentLabel(student: FixtureStudent): string {
  return `${student.firstName} ${student.lastName}`;
}

function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

function groupByDivision(students: readonly FixtureStudent[]): Map<string, FixtureStudent[]> {
  const groups = new Map<string, FixtureStudent[]>();
  for (const student of [...students].sort((a, b) => a.division.localeCompare(b.division, "fr"))) {
    const label = student.division.split("##")[1] ?? student.division;
    groups.set(label, [...(groups.get(label) ?? []), student]);
  }
  return groups;
}

/** The ENT sign-in: one form, one submit button per fixture student, plus a free identity. */
export function renderSignInPage(options: {
  action: string;
  students: readonly FixtureStudent[];
  message?: string;
}): string {
  const groups = [...groupByDivision(options.students)]
    .map(
      ([division, students]) =>
        `<h2>Classe ${escapeHtml(division)}</h2><div class="students">${students
          .map(
            (
              student,
            ) => `<button type="submit" name="key" value="${escapeHtml(student.key)}">${escapeHtml(studentLabel(student))}
<small>Né(e) le ${formatIsoDate(student.birthdate)}${student.note ? ` · ${escapeHtml(student.note)}` : ""}</small></button>`,
          )
          .join("")}</div>`,
    )
    .join("");
  const message = options.message ? `<div class="card error" role="alert">${escapeHtml(options.message)}</div>` : "";
  return layout(
    "Connexion",
    `<h1>Connexion à l'ENT</h1>${message}
<div class="card"><p class="muted">Choisissez l'élève avec qui vous connecter. La date de naissance est indiquée pour les tests : le GAR ne la transmet pas, l'élève la saisit dans Pix.</p>
<form method="post" action="${escapeHtml(options.action)}">${groups}</form></div>
<div class="card"><h2>Ou saisissez une identité</h2>
<form method="post" action="${escapeHtml(options.action)}">
<label for="prenom">Prénom (PRE)</label><input id="prenom" name="prenom" required maxlength="100">
<label for="nom">Nom (NOM)</label><input id="nom" name="nom" required maxlength="100">
<label for="classe">Classe (DIV, facultatif)</label><input id="classe" name="classe" maxlength="50">
<label for="uai">UAI</label><input id="uai" name="uai" value="0999001W" maxlength="8">
<label for="ido">IDO (facultatif, sinon dérivé du nom)</label><input id="ido" name="ido" maxlength="256">
<p><button class="primary" type="submit">Se connecter</button></p></form></div>`,
  );
}

export function renderMediacentrePage(options: {
  student: FixtureStudent;
  pixUrl: string;
  schoolSubscribed?: boolean;
}): string {
  const { student, schoolSubscribed = true } = options;
  if (!schoolSubscribed) {
    return layout(
      "Médiacentre",
      `<h1>Médiacentre</h1><div class="card" role="status">Votre établissement n'est abonné à aucune ressource Pix dans le GAR : la ressource n'apparaît pas.</div>`,
      studentLabel(student),
    );
  }
  const pixTile = student.assigned
    ? `<a class="tile pix" href="${escapeHtml(options.pixUrl)}"><strong>Pix</strong><span class="muted">Évaluer et développer ses compétences numériques</span></a>`
    : "";
  const notAssigned = student.assigned
    ? ""
    : `<div class="card" role="status">La ressource Pix ne vous est pas affectée dans le GAR. Le responsable des affectations de votre établissement doit vous l'attribuer.</div>`;
  const others = ["Lumni", "Éduthèque", "Dictionnaire junior"]
    .map(
      (name) =>
        `<div class="tile" aria-disabled="true"><strong>${escapeHtml(name)}</strong><span class="muted">Ressource de démonstration</span></div>`,
    )
    .join("");
  return layout(
    "Médiacentre",
    `<h1>Médiacentre</h1><p class="muted">Vos ressources numériques, attribuées par votre établissement.</p>${notAssigned}
<div class="tiles">${pixTile}${others}</div>
<div class="card"><p class="muted">Test de la déconnexion unique : « Se déconnecter de l'ENT » prévient les ressources par le canal SOAP du GAR puis par redirection ; ces boutons-ci par un seul des deux.</p>
<form method="post" action="/ent/deconnexion"><input type="hidden" name="canal" value="redirection"><button type="submit">Tester la déconnexion unique par redirection seule</button></form>
<form method="post" action="/ent/deconnexion"><input type="hidden" name="canal" value="soap"><button type="submit">Tester la déconnexion unique par SOAP seul</button></form></div>`,
    studentLabel(student),
  );
}

export function renderErrorPage(title: string, message: string): string {
  return layout(
    title,
    `<div class="card error"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/ent">Retour à l'ENT</a></p></div>`,
  );
}
