using Partage.App.Infrastructure.Http;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll.Features;

public sealed record BudgetSimulationRequest(PayrollRequest? Request, decimal? Budget);

/// <summary>The largest gross whose employer cost fits within a budget, to the cent.</summary>
public sealed class SimulateBudget(PayrollParameters parameters)
{
    public async Task<PayrollResult> HandleAsync(BudgetSimulationRequest request, CancellationToken ct = default)
    {
        if (request.Request is null || request.Budget is not { } budget)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["budget"] = ["Indiquez la demande de paie (request) et le budget (coût employeur maximal)."] });
        }

        var input = PayrollJson.Check(request.Request with { Gross = request.Request.Gross ?? 0 });
        return PayslipInverse.LargestGrossWithin(input, (await parameters.CatalogAsync(ct)).Resolve(input.ParametersDate), budget) with { Id = request.Request.Id };
    }

    public static void Map(RouteGroupBuilder open)
    {
        open.MapPost("/simulations/budget", async (HttpRequest http, SimulateBudget handler, CancellationToken ct) =>
            {
                using var body = await SimulatePayslip.ReadJsonAsync(http, ct);
                var request = SimulatePayslip.Deserialize<BudgetSimulationRequest>(body.RootElement);
                return Results.Json(await handler.HandleAsync(request, ct), PayrollJson.Options);
            })
            .WithName("SimulateBudget").WithSummary("Le plus grand brut dont le coût employeur tient dans un budget, au centime")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblems();
    }
}
