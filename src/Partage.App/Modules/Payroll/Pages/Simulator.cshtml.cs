using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Payroll.Pages;

/// <summary>For members and visitors: what a client's payment for a job becomes, step by step, down to the net wage.</summary>
[AllowAnonymous]
public sealed class SimulatorModel(SimulateNet simulator) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public SimulatorForm Input { get; set; } = new();

    public NetSimulation? Result { get; private set; }

    public sealed class SimulatorForm
    {
        public string? Amount { get; set; }

        public string? Kind { get; set; } = "intermittent_artist";

        public bool Cadre { get; set; }

        public string? Date { get; set; }

        public string? Days { get; set; } = "1";

        public string? Hours { get; set; }

        public string? Cachets { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        if (string.IsNullOrWhiteSpace(Input.Amount))
        {
            return Page();
        }

        return await TryAsync(async () =>
        {
            Result = await simulator.HandleAsync(new NetSimulationInput(Input.Amount, Input.Kind, Input.Cadre, Input.Date, Input.Days, Input.Hours, Input.Cachets), ct);
            return Page();
        });
    }
}
