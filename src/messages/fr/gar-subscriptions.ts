export const subscriptionMessages = {
  notManaged: "Ce serveur ne gère pas les abonnements GAR : l'abonnement se fait dans la console du GAR.",
  failed: "Le GAR n'a pas accepté la demande pour l'instant : le détail est ci-dessous, un nouvel essai est programmé.",
  notGar: "Les élèves de cet établissement ne se connectent pas par le GAR : il n'a pas d'abonnement à y créer.",
  busy: "Une demande au GAR est déjà en cours pour l'établissement : rechargez la page dans un instant.",
  done: "Le GAR a confirmé l'abonnement de l'établissement.",
} as const;
