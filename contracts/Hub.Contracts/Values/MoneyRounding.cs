namespace Hub.Contracts.Values;

/// <summary>
/// How <see cref="Money.Round(MoneyRounding)"/> reaches the currency's minor unit. There is deliberately no default:
/// tax authorities and contracts each prescribe one, and the rule used must be recorded with the amount.
/// </summary>
public enum MoneyRounding
{
    /// <summary>Nearest; a midpoint goes away from zero (2.125 → 2.13, −2.125 → −2.13). Commercial rounding.</summary>
    HalfUp,

    /// <summary>Nearest; a midpoint goes to the even digit (2.125 → 2.12, 2.135 → 2.14). Banker's rounding.</summary>
    HalfEven,

    /// <summary>Toward zero, i.e. truncation (2.129 → 2.12, −2.129 → −2.12).</summary>
    Down,

    /// <summary>Away from zero whenever anything is cut off (2.121 → 2.13, −2.121 → −2.13).</summary>
    Up,
}
