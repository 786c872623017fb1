using Partage.Kernel;

namespace Partage.App.Modules.Ledger;

public static class LedgerErrors
{
    public static readonly ErrorCode TooFewLines = new("ledger.too_few_lines", "Une écriture compte au moins deux lignes.");
    public static readonly ErrorCode NonPositiveAmount = new("ledger.non_positive_amount", "Chaque ligne d'écriture porte un montant strictement positif.");
    public static readonly ErrorCode NotEuro = new("ledger.currency", "La comptabilité est tenue en euros.");
    public static readonly ErrorCode Unbalanced = new("ledger.unbalanced", "L'écriture n'est pas équilibrée : le total des débits doit égaler celui des crédits.");
    public static readonly ErrorCode UnknownAccount = new("ledger.unknown_account", "Ce compte n'existe pas dans la comptabilité de cette entité.");
    public static readonly ErrorCode UnknownJournal = new("ledger.unknown_journal", "Ce journal n'existe pas pour cette entité.");
    public static readonly ErrorCode NoFiscalYear = new("ledger.no_fiscal_year", "Aucun exercice comptable ouvert ne couvre cette date.");
    public static readonly ErrorCode FiscalYearClosed = new("ledger.fiscal_year_closed", "L'exercice comptable de cette date est clôturé.");
    public static readonly ErrorCode PeriodClosed = new("ledger.period_closed", "La période est clôturée : aucune écriture ne peut y être passée.");
    public static readonly ErrorCode EntryNotFound = new("ledger.entry_not_found", "Cette écriture n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode AlreadyReversed = new("ledger.already_reversed", "Cette écriture a déjà été contre-passée.", ErrorKind.Conflict);
    public static readonly ErrorCode ReversalOfReversal = new("ledger.reversal_of_reversal", "Une contre-passation ne se contre-passe pas : passez une nouvelle écriture.");
    public static readonly ErrorCode FiscalYearExists = new("ledger.fiscal_year_exists", "Un exercice couvre déjà une partie de ces dates.", ErrorKind.Conflict);
    public static readonly ErrorCode PeriodAlreadyClosed = new("ledger.period_already_closed", "Cette période est déjà clôturée.", ErrorKind.Conflict);
    public static readonly ErrorCode DuplicateAccount = new("ledger.duplicate_account", "Ce compte existe déjà pour cette entité.", ErrorKind.Conflict);
    public static readonly ErrorCode NotFound = new("ledger.not_found", "Introuvable.", ErrorKind.NotFound);
    public static readonly ErrorCode LetteringInvalid = new("ledger.lettering_invalid", "Le lettrage porte sur au moins deux lignes non lettrées d'un même compte auxiliaire, dont la somme est nulle.");
    public static readonly ErrorCode AmountTooLarge = new("ledger.amount_too_large", "Un montant d'écriture dépasse 1 000 000 000,00 € : c'est une erreur de saisie ou de fichier.");

    public static readonly ErrorCode IdempotencyKeyReused = new("ledger.idempotency_key_reused", "Cette clé d'idempotence a déjà servi pour un autre document.", ErrorKind.Conflict);
}
