using Microsoft.Extensions.Options;

namespace Hub.Order;

/// <summary>The order process's schedule (section <c>Order</c>): every timeout is configuration, none is code.</summary>
internal sealed class OrderOptions
{
    public const string Section = "Order";

    /// <summary>The buyer hub's currency (falls back to <c>Hub:Currency</c>).</summary>
    public string? Currency { get; set; }

    /// <summary>How long an order may wait in each state (keyed by state name) before it fails and is compensated.
    /// For <c>Delivered</c> it is how long the buyer has to confirm receipt before it is confirmed automatically.</summary>
    public Dictionary<string, TimeSpan> Timeouts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long before its FX quotes expire a checkout is no longer placed, leaving the payment that follows the
    /// placement time to use them.
    /// </summary>
    public TimeSpan CheckoutPaymentWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an expired checkout is kept (for a buyer's late placement to be answered clearly) before the sweeper removes it.</summary>
    public TimeSpan ExpiredCheckoutRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long after it was asked a reservation whose order was never saved is given back by the sweeper: longer than
    /// any placement may take (each catalog call gives up within seconds), so that none still under way is touched.
    /// </summary>
    public TimeSpan AbandonedReservationGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a placement waits for another one under the same Idempotency-Key to finish (and then answers as it did)
    /// before it answers that the key is still in use: shorter than the gateway's route timeout (30 s), so that the
    /// answer reaches the client rather than the gateway's 504.
    /// </summary>
    public TimeSpan PlacementKeyWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How old a claim on an Idempotency-Key must be before another placement under the key takes it over (the
    /// placement that claimed it stopped): longer than any placement may take; the stock the stopped one asked for is
    /// given back first.
    /// </summary>
    public TimeSpan PlacementKeyGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often each process of the service notes that it runs (<see cref="Domain.PlacementInstance"/>).</summary>
    public TimeSpan InstanceBeat { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a process of the service may go unseen before the placement claims and pending reservations it holds
    /// count as left by a process that stopped: another placement under the key takes the claim over, and the sweeper
    /// gives the stock back, without waiting out <see cref="PlacementKeyGrace"/> or <see cref="AbandonedReservationGrace"/>.
    /// Several beats long, so that a busy process is not taken for a stopped one.
    /// </summary>
    public TimeSpan InstanceSilence { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a placement waiting for another one under its key looks again.</summary>
    public TimeSpan PlacementKeyPoll { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// When a repeat answered "under way" (409) should be sent again, said in its <c>Retry-After</c> (whole seconds, at
    /// least 1): the repeat waited <see cref="PlacementKeyWait"/> already, so the placement it waited for is near its end.
    /// </summary>
    public TimeSpan PlacementKeyRetryAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary><see cref="PlacementKeyRetryAfter"/> in whole seconds for <c>Retry-After</c>, rounded up, at least 1.</summary>
    public int RetryAfterSeconds() => Math.Max(1, (int)Math.Ceiling(PlacementKeyRetryAfter.TotalSeconds));

    /// <summary>
    /// How long after payment is secured, and then between attempts, the sweeper lodges an export declaration that has
    /// not gone through: the declaration's own message is redelivered for about an hour (<c>Messaging:Redelivery</c>)
    /// and then left in the error queue, so an outage at the supplier's hub longer than that is bridged by the sweeper
    /// until the PaymentSecured timeout.
    /// </summary>
    public TimeSpan ExportDeclarationRetry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the sweeper looks for orders past their step's timeout.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an overdue order whose timeout could not be handled (a service it must undo something at did not
    /// answer) waits before the sweeper tries it again, so that the orders behind it get their turn.
    /// </summary>
    public TimeSpan SweepRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many overdue orders one sweep handles.</summary>
    public int SweepBatch { get; set; } = 50;

    public TimeSpan? TimeoutFor(Domain.OrderStatus status) =>
        Timeouts.TryGetValue(status.ToString(), out var timeout) && timeout > TimeSpan.Zero ? timeout : null;
}

/// <summary>Refuses to start with a schedule that would take a running process for a stopped one.</summary>
internal sealed class OrderOptionsValidator : IValidateOptions<OrderOptions>
{
    public ValidateOptionsResult Validate(string? name, OrderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.InstanceBeat <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("Order:InstanceBeat must be positive.");
        }

        return options.InstanceSilence < 3 * options.InstanceBeat
            ? ValidateOptionsResult.Fail(
                $"Order:InstanceSilence ({options.InstanceSilence}) must be at least three Order:InstanceBeat ({options.InstanceBeat}): a process that missed a beat is busy, not stopped.")
            : ValidateOptionsResult.Success;
    }
}
