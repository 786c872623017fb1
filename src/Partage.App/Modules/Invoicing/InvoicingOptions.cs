
namespace Partage.App.Modules.Invoicing;

/// <summary>Invoicing settings (section "Invoicing"); the defaults suit the demo.</summary>
public sealed class InvoicingOptions
{
    /// <summary>A member's invoice whose total incl. VAT is above this waits for the activity manager's validation.</summary>
    public long ValidationThresholdCents { get; set; } = 500_000;

    public int PaymentTermsDays { get; set; } = 30;

    /// <summary>The account clients pay into (printed on invoices, BT-84).</summary>
    public string Iban { get; set; } = string.Empty;

    public string Bic { get; set; } = string.Empty;

    public string LatePenaltyText { get; set; } =
        "En cas de retard de paiement : pénalités au taux de refinancement de la BCE majoré de 10 points (art. L441-10 du code de commerce)";

    public string RecoveryIndemnityText { get; set; } =
        "Indemnité forfaitaire pour frais de recouvrement due en cas de retard : 40 € (art. D441-5 du code de commerce)";

    public string DiscountText { get; set; } = "Pas d'escompte pour paiement anticipé";

    /// <summary>The dunning schedule as configured; empty means <see cref="DunningSchedule"/>'s default.</summary>
    public List<DunningStepOption> Dunning { get; set; } = [];

    /// <summary>The schedule in force: reminders at due date + 5 and + 15 days and a formal notice at + 30, unless configured.</summary>
    public IReadOnlyList<DunningStepOption> DunningSchedule => Dunning.Count > 0 ? Dunning :
    [
        new() { DaysAfterDue = 5, Kind = DunningKind.Reminder },
        new() { DaysAfterDue = 15, Kind = DunningKind.Reminder },
        new() { DaysAfterDue = 30, Kind = DunningKind.FormalNotice },
    ];

    /// <summary>Days after the due date from which finance may have the guarantee fund cover an unpaid invoice.</summary>
    public int GuaranteeFundDelayDays { get; set; } = 30;
}
