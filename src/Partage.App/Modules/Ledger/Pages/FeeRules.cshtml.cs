using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Ledger.Pages;

/// <summary>The dated fee rules (a change is a new rule from a date, never an edit) and the monthly run of fixed fees.</summary>
public sealed class FeeRulesModel(CooperativeFees fees, MonthlyFees monthly, LegalEntities.ILegalEntitiesApi entities, TimeProvider clock) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string Entity { get; set; } = "SCIC";

    [BindProperty]
    public RuleForm Input { get; set; } = new();

    [BindProperty]
    public string? Month { get; set; }

    public IReadOnlyList<FeeRuleView> Rules { get; private set; } = [];

    /// <summary>The business modules a rule may be for, by their names (the code is what the rule keeps).</summary>
    public IReadOnlyList<LegalEntities.BusinessModuleView> Modules { get; private set; } = [];

    public string ModuleName(string code) => Modules.FirstOrDefault(m => m.Code == code)?.Name ?? code;

    public string? Notice { get; private set; }

    public sealed class RuleForm
    {
        public string? Module { get; set; }

        public string? ValidFrom { get; set; }

        public string? RatePercent { get; set; }

        public string? Cap { get; set; }

        public string? FixedMonthly { get; set; }

        public List<ShareForm> Shares { get; set; } = [];
    }

    public sealed class ShareForm
    {
        public string? Label { get; set; }

        public string? Points { get; set; }

        public string? Account { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        Month ??= PayPeriod.Containing(clock.Today()).Previous().ToString();
        return await LoadAsync(() => ShowAsync(ct));
    }

    public Task<IActionResult> OnPostRuleAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var v = new Infrastructure.Validation();
        var rate = v.Decimal("Input.RatePercent", "Le taux", Input.RatePercent, required: true);
        var cap = v.Amount("Input.Cap", "Le plafond", Input.Cap, required: false);
        var fixedMonthly = v.Amount("Input.FixedMonthly", "Le forfait mensuel", Input.FixedMonthly, required: false);
        var shares = Input.Shares.Where(s => !string.IsNullOrWhiteSpace(s.Label) || !string.IsNullOrWhiteSpace(s.Points) || !string.IsNullOrWhiteSpace(s.Account))
            .Select((s, i) => new NewFeeShareInput(s.Label, v.Decimal($"Input.Shares[{i}].Points", "Les points", s.Points, required: true), s.Account)).ToList();
        v.ThrowIfInvalid();
        var rule = await fees.AddAsync(new NewFeeRuleInput(Entity, Input.Module, Input.ValidFrom, rate, cap?.Cents, fixedMonthly?.Cents, shares), Actor, ct);
        Modules = await entities.ListModulesAsync(ct);
        return $"Règle {ModuleName(rule.Module)} à {rule.RatePercent.ToString("0.##", French.Culture)} % en vigueur à partir du {rule.ValidFrom:dd/MM/yyyy}.";
    }, ct);

    public Task<IActionResult> OnPostMonthAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var run = await monthly.RunAsync(Month, Actor, ct);
        return run.Summary;
    }, ct);

    private async Task<IActionResult> RunAsync(Func<Task<string>> action, CancellationToken ct)
    {
        await LoadActorAsync();
        Entity = BooksModel.EntityCode(Entity);
        string? notice = null;
        var result = await TryAsync(async () =>
        {
            notice = await action();
            return Redirect($"/comptabilite/contributions?entity={Entity}&fait={Uri.EscapeDataString(notice)}");
        }, string.Empty);
        return notice is not null || result is not PageResult ? result : await LoadAsync(() => ShowAsync(ct));
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        Entity = BooksModel.EntityCode(Entity);
        LedgerAccess.RequireBooks(Actor);
        Rules = (await fees.ListAsync(ct)).Where(r => r.Entity == Entity).ToList();
        Modules = await entities.ListModulesAsync(ct);
        while (Input.Shares.Count < 3)
        {
            Input.Shares.Add(new ShareForm());
        }
    }
}
