import Foundation

/// L2-regularised logistic regression fitted by Newton's method.
///
/// The penalty pulls the weights toward a prior rather than toward zero: with
/// few labelled examples of a topic the fit stays close to the hand-set rules
/// it starts from, and moves away only as far as the labels insist. Newton's
/// method on this strictly convex loss converges in a few steps to the one
/// optimum, so the result depends only on the data, never on an ordering or a
/// random start.
public struct LogisticRegression: Sendable {
    /// How strongly weights are pulled toward the prior (the L2 penalty's λ).
    public var regularization: Double
    /// How much a positive example counts against a negative one.
    public var positiveWeight: Double
    public var maximumIterations = 50

    public init(regularization: Double, positiveWeight: Double = 1) {
        precondition(regularization > 0, "the penalty keeps the problem strictly convex")
        self.regularization = regularization
        self.positiveWeight = positiveWeight
    }

    public struct Model: Sendable, Hashable {
        public var weights: [Double]
        public var bias: Double
        public func logit(_ features: [Double]) -> Double {
            zip(weights, features).reduce(bias) { $0 + $1.0 * $1.1 }
        }
    }

    /// Fits weights and bias to the examples; `prior` gives each weight (and the
    /// bias, last) the value the penalty pulls it toward, zero when absent.
    public func fit(_ features: [[Double]], labels: [Bool], prior: Model? = nil) -> Model {
        precondition(features.count == labels.count, "one label per example")
        let width = features.first?.count ?? prior?.weights.count ?? 0
        let center = (prior?.weights ?? [Double](repeating: 0, count: width)) + [prior?.bias ?? 0]
        precondition(center.count == width + 1 && features.allSatisfy { $0.count == width }, "examples and prior of one width")
        // The bias is the last coordinate of every example.
        let rows = features.map { $0 + [1] }
        let size = width + 1
        var beta = center
        for _ in 0..<maximumIterations {
            var gradient = [Double](repeating: 0, count: size)
            var hessian = [Double](repeating: 0, count: size * size)
            for index in 0..<size {
                gradient[index] = regularization * (beta[index] - center[index])
                hessian[index * size + index] = regularization
            }
            for (row, label) in zip(rows, labels) {
                let z = zip(beta, row).reduce(0) { $0 + $1.0 * $1.1 }
                let probability = Self.sigmoid(z)
                let weight = label ? positiveWeight : 1
                let residual = weight * (probability - (label ? 1 : 0))
                let curvature = weight * probability * (1 - probability)
                for i in 0..<size where row[i] != 0 {
                    gradient[i] += residual * row[i]
                    for j in i..<size where row[j] != 0 { hessian[i * size + j] += curvature * row[i] * row[j] }
                }
            }
            for i in 0..<size { for j in 0..<i { hessian[i * size + j] = hessian[j * size + i] } }
            guard let step = Self.solve(hessian, gradient, size: size) else { break }
            // Halve the step until the loss goes down: a full Newton step can overshoot on nearly separable data.
            let current = loss(beta, rows, labels, center)
            var scale = 1.0
            var candidate = beta
            repeat {
                for index in 0..<size { candidate[index] = beta[index] - scale * step[index] }
                scale /= 2
            } while loss(candidate, rows, labels, center) > current && scale > 1e-6
            let largest = zip(candidate, beta).map { abs($0 - $1) }.max() ?? 0
            beta = candidate
            if largest < 1e-10 { break }
        }
        return Model(weights: Array(beta[0..<width]), bias: beta[width])
    }

    /// The penalised negative log-likelihood that `fit` minimises.
    private func loss(_ beta: [Double], _ rows: [[Double]], _ labels: [Bool], _ center: [Double]) -> Double {
        var total = 0.0
        for (index, value) in beta.enumerated() { total += regularization / 2 * (value - center[index]) * (value - center[index]) }
        for (row, label) in zip(rows, labels) {
            let z = zip(beta, row).reduce(0) { $0 + $1.0 * $1.1 }
            // log(1 + e^-z) for a positive, log(1 + e^z) for a negative, computed without overflow.
            let margin = label ? z : -z
            let softplus = margin > 0 ? log1p(exp(-margin)) : -margin + log1p(exp(margin))
            total += (label ? positiveWeight : 1) * softplus
        }
        return total
    }

    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }

    /// Solves the symmetric positive definite system by Cholesky decomposition.
    static func solve(_ matrix: [Double], _ vector: [Double], size: Int) -> [Double]? {
        var lower = [Double](repeating: 0, count: size * size)
        for i in 0..<size {
            for j in 0...i {
                var sum = matrix[i * size + j]
                for k in 0..<j { sum -= lower[i * size + k] * lower[j * size + k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    lower[i * size + i] = sum.squareRoot()
                } else {
                    lower[i * size + j] = sum / lower[j * size + j]
                }
            }
        }
        var forward = [Double](repeating: 0, count: size)
        for i in 0..<size {
            var sum = vector[i]
            for k in 0..<i { sum -= lower[i * size + k] * forward[k] }
            forward[i] = sum / lower[i * size + i]
        }
        var solution = [Double](repeating: 0, count: size)
        for i in stride(from: size - 1, through: 0, by: -1) {
            var sum = forward[i]
            for k in (i + 1)..<size { sum -= lower[k * size + i] * solution[k] }
            solution[i] = sum / lower[i * size + i]
        }
        return solution
    }
}
